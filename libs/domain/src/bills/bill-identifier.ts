/**
 * Normalizes a bill identifier the way Open States does: upper-case letters without dots, one space
 * before the number ("H.R. 2200" -> "HR 2200", "s.3946" -> "S 3946", "H.J.Res.46" -> "HJRES 46").
 * Returns null when there is no letter prefix followed by a number.
 */
export function normalizeBillIdentifier(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[.\s]+/g, '');
  const match = /^([A-Z]+)0*(\d+)([A-Z]?)$/.exec(compact);
  if (!match) return null;
  return `${match[1]} ${match[2]}${match[3]}`;
}
