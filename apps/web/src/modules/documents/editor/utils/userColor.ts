/** Caret colors: distinct, readable with white label text, valid `#rrggbb` (CollaborationCaret checks). */
export const USER_COLORS = [
  '#1c7ed6',
  '#e8590c',
  '#2b8a3e',
  '#c2255c',
  '#6741d9',
  '#0c8599',
  '#d9480f',
  '#5c940d',
  '#a61e4d',
  '#364fc7',
  '#087f5b',
  '#862e9c',
] as const;

/** The same color for a person everywhere (carets, avatars, comments): a hash of the user id. */
export function userColor(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash ^= userId.charCodeAt(i);
    hash = Math.imul(hash, 16777619);
  }
  return USER_COLORS[(hash >>> 0) % USER_COLORS.length];
}

/** "MH" for "Maya Hernández". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : parts;
  return letters.map((p) => p[0]?.toUpperCase() ?? '').join('') || '?';
}
