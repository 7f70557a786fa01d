import type { PmMark, PmNode } from './prosemirror-json.js';

/**
 * GitHub-flavoured Markdown of a document: headings, paragraphs, bold/italic/strike/code, links,
 * bullet/ordered/task lists with nesting, tables (first row as header), blockquotes, code blocks,
 * rules, and mentions as "@Name".
 */
export function toMarkdown(doc: PmNode): string {
  return (
    blocks(doc.content ?? [])
      .join('\n\n')
      .trim() + '\n'
  );
}

function blocks(nodes: PmNode[]): string[] {
  return nodes.map(block).filter((b) => b !== null) as string[];
}

function block(node: PmNode): string | null {
  switch (node.type) {
    case 'paragraph':
      return inline(node.content ?? []);
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.level ?? 1) || 1, 1), 6);
      return `${'#'.repeat(level)} ${inline(node.content ?? [])}`;
    }
    case 'blockquote':
      return blocks(node.content ?? [])
        .join('\n\n')
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n');
    case 'codeBlock': {
      const code = (node.content ?? []).map((c) => c.text ?? '').join('');
      const fence = code.includes('```') ? '~~~' : '```';
      return `${fence}${String(node.attrs?.language ?? '')}\n${code}\n${fence}`;
    }
    case 'horizontalRule':
      return '---';
    case 'bulletList':
    case 'orderedList':
    case 'taskList':
      return list(node);
    case 'table':
      return table(node);
    default:
      return node.content ? blocks(node.content).join('\n\n') : null;
  }
}

function list(node: PmNode): string {
  const start = Number(node.attrs?.start ?? 1) || 1;
  return (node.content ?? [])
    .map((item, i) => {
      let marker = '- ';
      if (node.type === 'orderedList') marker = `${start + i}. `;
      if (node.type === 'taskList') marker = item.attrs?.checked ? '- [x] ' : '- [ ] ';
      const indent = ' '.repeat(node.type === 'orderedList' ? marker.length : 2);
      const [first = '', ...rest] = (item.content ?? []).map((child) => block(child) ?? '');
      const body = [first, ...rest].join('\n').split('\n');
      return body
        .map((line, k) => (k === 0 ? marker + line : line ? indent + line : ''))
        .join('\n');
    })
    .join('\n');
}

function table(node: PmNode): string {
  const rows = (node.content ?? []).map((row) =>
    (row.content ?? []).map((cell) =>
      (cell.content ?? [])
        .map((child) => (child.type === 'paragraph' ? inline(child.content ?? [], true) : ''))
        .filter(Boolean)
        .join('<br>')
        .replace(/\|/g, '\\|'),
    ),
  );
  if (!rows.length) return '';
  const width = Math.max(...rows.map((r) => r.length), 1);
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [header, ...body] = rows;
  return [line(header), line(Array(width).fill('---')), ...body.map(line)].join('\n');
}

/** Marks wrap text from the outside in: link, bold, italic, strike, code. */
const ORDER = ['link', 'bold', 'italic', 'strike', 'code'];

function inline(nodes: PmNode[], inTable = false): string {
  return nodes
    .map((node) => {
      if (node.type === 'hardBreak') return inTable ? '<br>' : '  \n';
      if (node.type === 'mention')
        return `@${escape(String(node.attrs?.label ?? node.attrs?.id ?? ''))}`;
      if (node.type !== 'text') return inline(node.content ?? [], inTable);
      return marked(node.text ?? '', node.marks ?? []);
    })
    .join('');
}

function marked(text: string, marks: PmMark[]): string {
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? ['', '', text, ''];
  if (!core) return text;
  const sorted = [...marks].sort((a, b) => ORDER.indexOf(b.type) - ORDER.indexOf(a.type));
  const isCode = marks.some((m) => m.type === 'code');
  let out = isCode ? core : escape(core);
  for (const mark of sorted) {
    if (mark.type === 'code') out = out.includes('`') ? `\`\` ${out} \`\`` : `\`${out}\``;
    else if (mark.type === 'bold') out = `**${out}**`;
    else if (mark.type === 'italic') out = `*${out}*`;
    else if (mark.type === 'strike') out = `~~${out}~~`;
    else if (mark.type === 'link') {
      const href = String(mark.attrs?.href ?? '').replace(/[()\s]/g, encodeURIComponent);
      out = `[${out}](${href})`;
    }
  }
  return lead + out + trail;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]~<>])/g, '\\$1').replace(/^(#{1,6} |[-+] )/, '\\$1');
}
