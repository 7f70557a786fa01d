import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { replaceAuthoredText } from './text-placeholders.js';

const OTHER = 1;
const LEAVING = 2;
const PLACEHOLDER = '[removed: Leaving Org left the coalition]';

/** A writer with a fixed Yjs client id; `sync` brings every writer to the same state. */
function writer(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  return doc;
}

function sync(...docs: Y.Doc[]): void {
  for (const from of docs)
    for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
}

function paragraph(text: string, attrs?: Record<string, unknown>): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  p.insert(0, [t]);
  if (text) t.insert(0, text, attrs);
  return p;
}

function fragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment('default');
}

/** Replaces the leaving client's writing in a copy made by a third client; returns the copy. */
function replaced(source: Y.Doc) {
  const doc = writer(3);
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const counts = replaceAuthoredText(fragment(doc), (c) => c === LEAVING, PLACEHOLDER);
  return { doc, counts, xml: fragment(doc).toString() };
}

describe('replaceAuthoredText', () => {
  it('replaces text typed inside another organization’s paragraph by one placeholder per run', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(other).insert(0, [paragraph('Hello world')]);
    sync(other, leaving);
    const text = (fragment(leaving).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, ' brave new');
    text.insert(text.length, ' and more');
    sync(other, leaving);
    expect(fragment(other).toString()).toBe(
      '<paragraph>Hello brave new world and more</paragraph>',
    );

    const { xml, counts } = replaced(other);
    expect(xml).toBe(`<paragraph>Hello${PLACEHOLDER} world${PLACEHOLDER}</paragraph>`);
    expect(counts).toEqual({ placeholders: 2, blocks: 0, inlineNodes: 0 });
  });

  it('replaces consecutive paragraphs written wholly by the organization with ONE placeholder paragraph', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(other).insert(0, [paragraph('Intro by the owner'), paragraph('Outro by the owner')]);
    sync(other, leaving);
    fragment(leaving).insert(1, [paragraph('Our plan'), paragraph(''), paragraph('Our contacts')]);
    sync(other, leaving);

    const { xml, counts } = replaced(other);
    expect(xml).toBe(
      `<paragraph>Intro by the owner</paragraph><paragraph>${PLACEHOLDER}</paragraph><paragraph>Outro by the owner</paragraph>`,
    );
    expect(counts).toEqual({ placeholders: 1, blocks: 3, inlineNodes: 0 });
  });

  it('keeps what others typed inside a paragraph the organization created', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(leaving).insert(0, [paragraph('Written by the leaving org.')]);
    sync(other, leaving);
    const text = (fragment(other).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(text.length, ' Added by the owner.');
    sync(other, leaving);

    const { xml } = replaced(other);
    expect(xml).toBe(`<paragraph>${PLACEHOLDER} Added by the owner.</paragraph>`);
  });

  it('writes the placeholder without the formatting of the removed text', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(other).insert(0, [paragraph('Before after')]);
    sync(other, leaving);
    const text = (fragment(leaving).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(7, 'SECRET ', { bold: {} });
    sync(other, leaving);

    const { doc } = replaced(other);
    const out = (fragment(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    expect(out.toDelta()).toEqual([{ insert: `Before ${PLACEHOLDER}after` }]);
  });

  it('replaces a run of list items with one list item, keeping the list', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    const list = new Y.XmlElement('bulletList');
    fragment(other).insert(0, [list]);
    const item = new Y.XmlElement('listItem');
    list.insert(0, [item]);
    item.insert(0, [paragraph('Owner item')]);
    sync(other, leaving);
    const theirList = fragment(leaving).get(0) as Y.XmlElement;
    for (const label of ['Ours 1', 'Ours 2']) {
      const mine = new Y.XmlElement('listItem');
      theirList.insert(theirList.length, [mine]);
      mine.insert(0, [paragraph(label)]);
    }
    sync(other, leaving);

    const { xml } = replaced(other);
    expect(xml).toBe(
      `<bulletlist><listitem><paragraph>Owner item</paragraph></listitem><listitem><paragraph>${PLACEHOLDER}</paragraph></listitem></bulletlist>`,
    );
  });

  it('removes inline nodes the organization inserted and changes nothing of a document it never touched', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(other).insert(0, [paragraph('Line one')]);
    sync(other, leaving);
    const p = fragment(leaving).get(0) as Y.XmlElement;
    p.insert(1, [new Y.XmlElement('hardBreak')]);
    sync(other, leaving);
    expect(replaced(other).counts).toEqual({ placeholders: 0, blocks: 0, inlineNodes: 1 });

    const untouched = writer(OTHER);
    fragment(untouched).insert(0, [paragraph('Nobody else wrote here')]);
    const result = replaced(untouched);
    expect(result.counts).toEqual({ placeholders: 0, blocks: 0, inlineNodes: 0 });
    expect(result.xml).toBe('<paragraph>Nobody else wrote here</paragraph>');
  });

  it('is idempotent: a second pass finds nothing left to replace', () => {
    const other = writer(OTHER);
    const leaving = writer(LEAVING);
    fragment(other).insert(0, [paragraph('Keep this')]);
    sync(other, leaving);
    fragment(leaving).insert(1, [paragraph('Remove this')]);
    sync(other, leaving);
    const first = replaced(other);
    const again = replaceAuthoredText(fragment(first.doc), (c) => c === LEAVING, PLACEHOLDER);
    expect(again).toEqual({ placeholders: 0, blocks: 0, inlineNodes: 0 });
  });
});
