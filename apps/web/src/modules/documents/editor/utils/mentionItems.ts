import type { MentionKind, MentionablesDto } from '@coalesce/protocol';

/** One entry of the `@` list: a person (with their organization) or an organization. */
export interface MentionItem {
  id: string;
  label: string;
  kind: MentionKind;
  /** The person's organization; empty for an organization. */
  detail: string;
}

export const MAX_MENTION_ITEMS = 8;

/** People and organizations whose name matches the query (word starts first), people first. */
export function filterMentionables(
  mentionables: MentionablesDto | undefined,
  query: string,
  limit = MAX_MENTION_ITEMS,
): MentionItem[] {
  if (!mentionables) return [];
  const all: MentionItem[] = [
    ...mentionables.people.map((p) => ({
      id: p.id,
      label: p.name,
      kind: 'user' as const,
      detail: p.organizationName,
    })),
    ...mentionables.organizations.map((o) => ({
      id: o.id,
      label: o.name,
      kind: 'organization' as const,
      detail: '',
    })),
  ];
  const q = query.trim().toLowerCase();
  if (!q) return all.slice(0, limit);
  const scored: Array<{ item: MentionItem; score: number; index: number }> = [];
  all.forEach((item, index) => {
    const name = item.label.toLowerCase();
    let score = -1;
    if (name.startsWith(q)) score = 0;
    else if (name.split(/\s+/).some((word) => word.startsWith(q))) score = 1;
    else if (name.includes(q)) score = 2;
    if (score >= 0) scored.push({ item, score, index });
  });
  scored.sort((a, b) => a.score - b.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
