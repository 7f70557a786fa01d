import { Secret, TOTP } from 'otpauth';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@coalesce/protocol';

/** The name authenticator apps show above the account. */
export const TOTP_ISSUER = 'Coalesce';
/** Codes of the time step before and after the current one are accepted too (clock drift). */
export const TOTP_WINDOW = 1;
/** 160-bit secrets, as RFC 4226 recommends for HMAC-SHA-1. */
const SECRET_BYTES = 20;

export type TotpMatch =
  { ok: true; step: number } | { ok: false; reason: 'wrong-code' | 'replayed' };

/** A new random secret, base32-encoded (what authenticator apps take). */
export function newTotpSecret(): string {
  return new Secret({ size: SECRET_BYTES }).base32;
}

function totp(secret: string, accountName = ''): TOTP {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountName,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });
}

/** otpauth://totp/Coalesce:<account>?secret=...: the content of the enrolment QR code. */
export function totpUri(secret: string, accountName: string): string {
  return totp(secret, accountName).toString();
}

/** The RFC 6238 time step (counter) at `now` (ms). */
export function totpStep(now: number): number {
  return Math.floor(now / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code of `secret` at `now` (ms); for tests and tools. */
export function totpCode(secret: string, now: number): string {
  return totp(secret).generate({ timestamp: now });
}

/**
 * Checks a 6-digit code against the secret, within one time step either side of `now`. A code
 * whose time step is not after `lastUsedStep` is refused as a replay: every accepted code moves
 * `lastUsedStep` forward, so a code (or an older one) works once.
 */
export function matchTotp(
  secret: string,
  code: string,
  { now = Date.now(), lastUsedStep = null }: { now?: number; lastUsedStep?: number | null } = {},
): TotpMatch {
  if (!new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code)) return { ok: false, reason: 'wrong-code' };
  const delta = totp(secret).validate({ token: code, timestamp: now, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong-code' };
  const step = totpStep(now) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return { ok: false, reason: 'replayed' };
  return { ok: true, step };
}
