/**
 * ProseMirror JSON in TipTap's schema (StarterKit, tables, task lists, mentions), and small
 * builders so templates read like the documents they produce.
 */
export interface RichTextMark {
  type: 'bold' | 'italic' | 'strike' | 'code' | 'link';
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  text?: string;
  marks?: RichTextMark[];
}

type Inline = string | RichTextNode;

const inline = (parts: Inline[]): RichTextNode[] =>
  parts.filter((p) => p !== '').map((p) => (typeof p === 'string' ? { type: 'text', text: p } : p));

export const doc = (...content: RichTextNode[]): RichTextNode => ({ type: 'doc', content });

export const heading = (level: 1 | 2 | 3, text: string): RichTextNode => ({
  type: 'heading',
  attrs: { level },
  content: inline([text]),
});

export const paragraph = (...parts: Inline[]): RichTextNode => {
  const content = inline(parts);
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
};

export const bold = (text: string): RichTextNode => ({
  type: 'text',
  text,
  marks: [{ type: 'bold' }],
});

export const italic = (text: string): RichTextNode => ({
  type: 'text',
  text,
  marks: [{ type: 'italic' }],
});

export const link = (text: string, href: string): RichTextNode => ({
  type: 'text',
  text,
  marks: [{ type: 'link', attrs: { href } }],
});

export const mention = (
  kind: 'user' | 'organization',
  id: string,
  label: string,
): RichTextNode => ({ type: 'mention', attrs: { id, label, kind } });

const item = (type: 'listItem' | 'taskItem', entry: Inline | Inline[], checked = false) => ({
  type,
  ...(type === 'taskItem' ? { attrs: { checked } } : {}),
  content: [paragraph(...(Array.isArray(entry) ? entry : [entry]))],
});

export const bulletList = (...items: Array<Inline | Inline[]>): RichTextNode => ({
  type: 'bulletList',
  content: items.map((i) => item('listItem', i)),
});

export const orderedList = (...items: Array<Inline | Inline[]>): RichTextNode => ({
  type: 'orderedList',
  attrs: { start: 1 },
  content: items.map((i) => item('listItem', i)),
});

export const taskList = (...items: Array<{ text: Inline | Inline[]; done?: boolean }>) => ({
  type: 'taskList',
  content: items.map((i) => item('taskItem', i.text, i.done ?? false)),
});

const cell = (type: 'tableHeader' | 'tableCell', text: Inline | Inline[]): RichTextNode => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [paragraph(...(Array.isArray(text) ? text : [text]))],
});

/** A table whose first row is the header row. */
export const table = (header: string[], ...rows: Array<Array<Inline | Inline[]>>) => ({
  type: 'table',
  content: [
    { type: 'tableRow', content: header.map((h) => cell('tableHeader', h)) },
    ...rows.map((r) => ({ type: 'tableRow', content: r.map((c) => cell('tableCell', c)) })),
  ],
});

export const blockquote = (...content: RichTextNode[]): RichTextNode => ({
  type: 'blockquote',
  content,
});

export const horizontalRule = (): RichTextNode => ({ type: 'horizontalRule' });
