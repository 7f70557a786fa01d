import type { PmNode } from './prosemirror-json.js';

const BLOCKS = new Set([
  'paragraph',
  'heading',
  'blockquote',
  'codeBlock',
  'listItem',
  'taskItem',
  'tableRow',
  'horizontalRule',
]);

/** The text of a document: one line per block, cells separated by tabs, mentions as "@Name". */
export function plainText(doc: PmNode): string {
  const out: string[] = [];
  walk(doc, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, ''))
    .filter((line) => line !== '')
    .join('\n')
    .trim();
}

/** Words, as a word count shows them. */
export function wordCount(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu);
  return words ? words.length : 0;
}

function walk(node: PmNode, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.text ?? '');
      return;
    case 'mention':
      out.push(`@${String(node.attrs?.label ?? node.attrs?.id ?? '')}`);
      return;
    case 'hardBreak':
      out.push('\n');
      return;
    case 'tableCell':
    case 'tableHeader': {
      const cell: string[] = [];
      for (const child of node.content ?? []) walk(child, cell);
      out.push(cell.join('').trim().replace(/\n+/g, ' '), '\t');
      return;
    }
  }
  for (const child of node.content ?? []) walk(child, out);
  if (BLOCKS.has(node.type)) out.push('\n');
}
