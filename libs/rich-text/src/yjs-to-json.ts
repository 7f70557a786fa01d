import * as Y from 'yjs';
import { DEFAULT_FIELD } from './prosemirror-json.js';
import type { PmMark, PmNode } from './prosemirror-json.js';

/** Reads a y-prosemirror fragment back as ProseMirror JSON (no schema: attrs as stored). */
export function xmlFragmentToJson(fragment: Y.XmlFragment): PmNode {
  return { type: 'doc', content: childrenToJson(fragment) };
}

/** The ProseMirror JSON of a document given as a Yjs update (e.g. DocStore state). */
export function updateToProsemirrorJson(update: Uint8Array, field = DEFAULT_FIELD): PmNode {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, update);
    return xmlFragmentToJson(ydoc.getXmlFragment(field));
  } finally {
    ydoc.destroy();
  }
}

function childrenToJson(parent: Y.XmlFragment | Y.XmlElement): PmNode[] {
  const nodes: PmNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as Array<{
        insert: unknown;
        attributes?: Record<string, unknown>;
      }>) {
        if (typeof op.insert !== 'string' || !op.insert) continue;
        const node: PmNode = { type: 'text', text: op.insert };
        const marks = attributesToMarks(op.attributes);
        if (marks.length) node.marks = marks;
        nodes.push(node);
      }
    } else if (child instanceof Y.XmlElement) {
      const node: PmNode = { type: child.nodeName };
      const attrs = child.getAttributes() as Record<string, unknown>;
      if (Object.keys(attrs).length) node.attrs = attrs;
      const content = childrenToJson(child);
      if (content.length) node.content = content;
      nodes.push(node);
    }
  }
  return nodes;
}

function attributesToMarks(attributes: Record<string, unknown> | undefined): PmMark[] {
  if (!attributes) return [];
  return Object.entries(attributes).map(([name, attrs]) => {
    // y-prosemirror suffixes overlapping marks with "--<hash>".
    const type = name.split('--')[0];
    const mark: PmMark = { type };
    if (attrs && typeof attrs === 'object' && Object.keys(attrs).length)
      mark.attrs = attrs as Record<string, unknown>;
    return mark;
  });
}
