import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { prosemirrorJsonToUpdate, prosemirrorJsonToYDoc } from './json-to-yjs.js';
import { toMarkdown } from './markdown.js';
import { plainText, wordCount } from './plain-text.js';
import type { PmNode } from './prosemirror-json.js';
import { updateToProsemirrorJson, xmlFragmentToJson } from './yjs-to-json.js';

const text = (t: string, ...marks: PmNode['marks'] & object) =>
  marks.length ? { type: 'text', text: t, marks } : { type: 'text', text: t };

const SAMPLE: PmNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [text('The ask')] },
    {
      type: 'paragraph',
      content: [
        text('Pass '),
        text('H.R. 2200', { type: 'bold' }),
        text(' now, see '),
        text('congress.gov', { type: 'link', attrs: { href: 'https://www.congress.gov/' } }),
        text(' and ask '),
        { type: 'mention', attrs: { id: 'u1', label: 'Ana Ruiz', kind: 'user' } },
        { type: 'hardBreak' },
        text('today', { type: 'italic' }, { type: 'strike' }),
      ],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [text('Senate')] },
            {
              type: 'orderedList',
              attrs: { start: 1 },
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [text('Judiciary')] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'taskList',
      content: [
        {
          type: 'taskItem',
          attrs: { checked: true },
          content: [{ type: 'paragraph', content: [text('Brief staff')] }],
        },
        {
          type: 'taskItem',
          attrs: { checked: false },
          content: [{ type: 'paragraph', content: [text('Send letter')] }],
        },
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableHeader',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [text('Org')] }],
            },
            {
              type: 'tableHeader',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [text('Owner')] }],
            },
          ],
        },
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph', content: [text('Polaris')] }],
            },
            {
              type: 'tableCell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null },
              content: [{ type: 'paragraph' }],
            },
          ],
        },
      ],
    },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [text('Quoted')] }] },
    { type: 'horizontalRule' },
    { type: 'paragraph' },
  ],
};

describe('ProseMirror JSON to Yjs, as y-prosemirror stores it', () => {
  it('writes one XmlElement per node with attributes, and marks as text formatting', () => {
    const fragment = prosemirrorJsonToYDoc(SAMPLE).getXmlFragment('default');
    const [headingEl, para] = fragment.toArray() as Y.XmlElement[];
    expect(headingEl.nodeName).toBe('heading');
    expect(headingEl.getAttribute('level')).toBe(2);
    expect(
      para.toArray().map((c) => (c instanceof Y.XmlText ? 'text' : (c as Y.XmlElement).nodeName)),
    ).toEqual(['text', 'mention', 'hardBreak', 'text']);
    const first = para.get(0) as Y.XmlText;
    expect(first.toDelta()).toEqual([
      { insert: 'Pass ' },
      { insert: 'H.R. 2200', attributes: { bold: {} } },
      { insert: ' now, see ' },
      { insert: 'congress.gov', attributes: { link: { href: 'https://www.congress.gov/' } } },
      { insert: ' and ask ' },
    ]);
    const mention = para.get(1) as Y.XmlElement;
    expect(mention.getAttributes()).toEqual({ id: 'u1', label: 'Ana Ruiz', kind: 'user' });
    // null attributes are not stored (y-prosemirror skips them; the schema default comes back).
    const tableEl = fragment.get(4) as Y.XmlElement;
    const headerCell = (tableEl.get(0) as Y.XmlElement).get(0) as Y.XmlElement;
    expect(headerCell.getAttributes()).toEqual({ colspan: 1, rowspan: 1 });
    expect(fragment.toString()).toContain(
      // (toString lowercases names; nodeName keeps TipTap's camelCase, checked above)
      '<taskitem checked="true"><paragraph>Brief staff</paragraph></taskitem>',
    );
  });

  it('reads back the same document (round trip through an update)', () => {
    const back = updateToProsemirrorJson(prosemirrorJsonToUpdate(SAMPLE));
    const strip = (n: PmNode): PmNode => ({
      ...n,
      ...(n.attrs
        ? { attrs: Object.fromEntries(Object.entries(n.attrs).filter(([, v]) => v !== null)) }
        : {}),
      ...(n.content ? { content: n.content.map(strip) } : {}),
    });
    expect(back).toEqual(strip(SAMPLE));
  });

  it('keeps formatting when a collaborator types into the stored text', () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, prosemirrorJsonToUpdate(SAMPLE));
    const para = ydoc.getXmlFragment('default').get(1) as Y.XmlElement;
    (para.get(0) as Y.XmlText).insert(0, 'Please ');
    const json = xmlFragmentToJson(ydoc.getXmlFragment('default'));
    expect(json.content![1].content![0]).toEqual({ type: 'text', text: 'Please Pass ' });
  });
});

describe('plain text and Markdown', () => {
  it('extracts text line by line, mentions as @Name, cells separated', () => {
    const t = plainText(SAMPLE);
    expect(t).toContain('The ask\nPass H.R. 2200 now, see congress.gov and ask @Ana Ruiz\ntoday');
    expect(t).toContain('Brief staff\nSend letter');
    expect(t).toContain('Polaris');
    expect(wordCount('Pass H.R. 2200 now — today')).toBe(5);
    expect(wordCount('')).toBe(0);
  });

  it('exports GitHub-flavoured Markdown', () => {
    expect(toMarkdown(SAMPLE)).toBe(
      [
        '## The ask',
        '',
        'Pass **H.R. 2200** now, see [congress.gov](https://www.congress.gov/) and ask @Ana Ruiz  ',
        '*~~today~~*',
        '',
        '- Senate',
        '  1. Judiciary',
        '',
        '- [x] Brief staff',
        '- [ ] Send letter',
        '',
        '| Org | Owner |',
        '| --- | --- |',
        '| Polaris |  |',
        '',
        '> Quoted',
        '',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('escapes Markdown characters in text and pipes in tables', () => {
    const md = toMarkdown({
      type: 'doc',
      content: [{ type: 'paragraph', content: [text('a*b_c [x] # not')] }],
    });
    expect(md).toBe('a\\*b\\_c \\[x\\] # not\n');
  });
});
