/**
 * Word-overlap similarity of two task titles, used where PostgreSQL's pg_trgm is not available:
 * the Jaccard index of their significant words (lower case, accents and punctuation removed,
 * short stop words dropped). 1 = same words, 0 = nothing in common.
 */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'at',
  'for',
  'in',
  'of',
  'on',
  'or',
  'the',
  'to',
  'with',
]);

export function titleWords(title: string): Set<string> {
  const words = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
  return new Set(words);
}

export function titleSimilarity(a: string, b: string): number {
  const left = titleWords(a);
  const right = titleWords(b);
  if (!left.size || !right.size) return 0;
  let shared = 0;
  for (const w of left) if (right.has(w)) shared += 1;
  return shared / (left.size + right.size - shared);
}

/** Scores at or above this are shown as possible duplicates. */
export const DUPLICATE_THRESHOLD = 0.35;
