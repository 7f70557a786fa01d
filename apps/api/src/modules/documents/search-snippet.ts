const RADIUS = 60;

/**
 * A short excerpt of `text` around the first case-insensitive match of `q`, with "…" where it was
 * cut; null when the text does not contain it (the title matched).
 */
export function snippetAround(text: string, q: string): string | null {
  const flat = text.replace(/\s+/g, ' ');
  const at = flat.toLowerCase().indexOf(q.toLowerCase());
  if (at < 0) return null;
  let start = Math.max(0, at - RADIUS);
  let end = Math.min(flat.length, at + q.length + RADIUS);
  // Cut at word boundaries where possible.
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    if (space >= 0 && space < at) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    if (space > at + q.length) end = space;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end).trim()}${end < flat.length ? '…' : ''}`;
}
