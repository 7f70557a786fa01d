import type { Mention } from '@coalesce/protocol';
import type { MentionItem } from './mentionItems';

export interface MentionQuery {
  /** Index of the `@`. */
  start: number;
  query: string;
}

/** The `@query` being typed right before the caret, if any (at most 30 characters, one space). */
export function findMentionQuery(text: string, caret: number): MentionQuery | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)@([^\s@]*(?: [^\s@]*)?)$/.exec(before);
  if (!match || match[2].length > 30) return null;
  return { start: before.length - match[2].length - 1, query: match[2] };
}

/** Replaces the `@query` with `@Label ` and returns the new text and caret. */
export function insertMention(
  text: string,
  query: MentionQuery,
  caret: number,
  item: MentionItem,
): { text: string; caret: number } {
  const inserted = `@${item.label} `;
  const next = text.slice(0, query.start) + inserted + text.slice(caret).replace(/^ /, '');
  return { text: next, caret: query.start + inserted.length };
}

/** The picked mentions still present in the body (`@Label`), once each: what the API gets. */
export function mentionsInBody(body: string, picked: MentionItem[]): Mention[] {
  const seen = new Set<string>();
  const mentions: Mention[] = [];
  for (const item of picked) {
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key) || !body.includes(`@${item.label}`)) continue;
    seen.add(key);
    mentions.push({ kind: item.kind, id: item.id });
  }
  return mentions;
}
