import { describe, expect, it } from '@jest/globals';
import { DOCUMENT_TEMPLATES, findDocumentTemplate } from './templates.js';
import type { RichTextNode } from './rich-text-builders.js';

const KNOWN = new Set([
  'doc',
  'paragraph',
  'heading',
  'bulletList',
  'orderedList',
  'listItem',
  'taskList',
  'taskItem',
  'table',
  'tableRow',
  'tableHeader',
  'tableCell',
  'blockquote',
  'horizontalRule',
  'hardBreak',
  'text',
  'mention',
]);

function types(node: RichTextNode, out = new Set<string>()): Set<string> {
  out.add(node.type);
  for (const child of node.content ?? []) types(child, out);
  return out;
}

describe('document templates', () => {
  it('have unique ids and use only node types of the editor schema', () => {
    const ids = DOCUMENT_TEMPLATES.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of DOCUMENT_TEMPLATES) {
      expect(t.content.type).toBe('doc');
      for (const type of types(t.content)) expect(KNOWN).toContain(type);
    }
  });

  it('offers the lobbying plan with its sections', () => {
    const plan = findDocumentTemplate('lobbying-plan')!;
    const headings = plan.content
      .content!.filter((n) => n.type === 'heading')
      .map((n) => n.content?.[0]?.text);
    expect(headings).toEqual(
      expect.arrayContaining(['Goal', 'The ask', 'Targets and their offices', 'Timeline', 'Risks']),
    );
    expect(findDocumentTemplate('nope')).toBeUndefined();
  });

  it('never produces an empty text node (ProseMirror rejects them)', () => {
    const check = (n: RichTextNode) => {
      if (n.type === 'text') expect(n.text).not.toBe('');
      n.content?.forEach(check);
    };
    DOCUMENT_TEMPLATES.forEach((t) => check(t.content));
  });
});
