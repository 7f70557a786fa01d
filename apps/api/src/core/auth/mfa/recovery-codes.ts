import { randomBytes } from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@coalesce/protocol';

/**
 * Crockford's base32 alphabet (no i, l, o, u): 32 symbols, so each random byte masked to 5 bits
 * picks one uniformly. 12 symbols carry 60 bits.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 12;
const GROUP = 4;

/** New recovery codes as shown to the user: "k7pq-m2xw-9rtd". */
export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const bytes = randomBytes(LENGTH);
    const symbols = [...bytes].map((b) => ALPHABET[b & 31]).join('');
    codes.add(symbols.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-'));
  }
  return [...codes];
}

/**
 * The canonical form of a recovery code as typed: case, spaces and dashes do not matter, and the
 * letters people confuse with digits (o, i, l) count as those digits. Null when it cannot be one.
 */
export function normalizeRecoveryCode(input: string): string | null {
  const code = input
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
  if (code.length !== LENGTH) return null;
  for (const c of code) if (!ALPHABET.includes(c)) return null;
  return code;
}

/** True when the input (spaces ignored) is a 6-digit authenticator code, not a recovery code. */
export function isTotpCode(input: string): boolean {
  return /^\d{6}$/.test(input.replace(/\s+/g, ''));
}
