const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '');

/** "Mod-Shift-Z" -> "⌘⇧Z" on a Mac, "Ctrl+Shift+Z" elsewhere. */
export function shortcutLabel(shortcut: string): string {
  const parts = shortcut.split('-');
  if (isMac) {
    const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' };
    return parts.map((p) => symbols[p] ?? p.toUpperCase()).join('');
  }
  return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p.length === 1 ? p.toUpperCase() : p)).join('+');
}
