import * as Y from 'yjs';
import { DEFAULT_FIELD } from './prosemirror-json.js';
import type { PmMark, PmNode } from './prosemirror-json.js';

/**
 * Writes ProseMirror JSON into a Y.XmlFragment exactly as y-prosemirror (TipTap's Collaboration
 * extension) stores a document: one Y.XmlElement per node, named after the node type, with its
 * non-null attrs as attributes; each run of adjacent text nodes as one Y.XmlText whose formatting
 * attributes are the marks (`{ bold: {} }`, `{ link: { href } }`). The root `doc` node itself is
 * the fragment.
 */
export function fillXmlFragment(fragment: Y.XmlFragment, doc: PmNode): void {
  const run = () => insertChildren(fragment, doc.content ?? []);
  if (fragment.doc) fragment.doc.transact(run);
  else run();
}

/** A new Y.Doc holding `doc` in the fragment TipTap uses. */
export function prosemirrorJsonToYDoc(doc: PmNode, field = DEFAULT_FIELD): Y.Doc {
  const ydoc = new Y.Doc();
  fillXmlFragment(ydoc.getXmlFragment(field), doc);
  return ydoc;
}

/** The whole document as one Yjs update (e.g. the first state of a document made from a template). */
export function prosemirrorJsonToUpdate(doc: PmNode, field = DEFAULT_FIELD): Uint8Array {
  const ydoc = prosemirrorJsonToYDoc(doc, field);
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}

function insertChildren(parent: Y.XmlFragment | Y.XmlElement, children: PmNode[]): void {
  let i = 0;
  while (i < children.length) {
    if (children[i].type === 'text') {
      const run: PmNode[] = [];
      while (i < children.length && children[i].type === 'text') run.push(children[i++]);
      const ytext = new Y.XmlText();
      parent.insert(parent.length, [ytext]);
      let offset = 0;
      for (const node of run) {
        const text = node.text ?? '';
        if (!text) continue;
        ytext.insert(offset, text, marksToAttributes(node.marks ?? []));
        offset += text.length;
      }
    } else {
      const node = children[i++];
      const element = new Y.XmlElement(node.type);
      parent.insert(parent.length, [element]);
      for (const [key, value] of Object.entries(node.attrs ?? {})) {
        // y-prosemirror skips null attributes (the schema default comes back on read).
        if (value !== null && value !== undefined && key !== 'ychange')
          element.setAttribute(key, value as string);
      }
      insertChildren(element, node.content ?? []);
    }
  }
}

/** y-prosemirror's encoding of marks: the mark name maps to its attrs (an empty object if none). */
function marksToAttributes(marks: PmMark[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) attributes[mark.type] = mark.attrs ?? {};
  return attributes;
}
