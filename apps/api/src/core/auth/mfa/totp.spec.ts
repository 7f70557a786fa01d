import { describe, expect, it } from '@jest/globals';
import { Secret, TOTP, URI } from 'otpauth';
import { matchTotp, newTotpSecret, totpCode, totpStep, totpUri } from './totp.js';

/** RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const T = 59_000; // RFC 6238 test time 59 s: 8-digit code 94287082, so 6 digits 287082

describe('TOTP', () => {
  it('computes the RFC 6238 test vectors (SHA-1, 6 digits, 30 s)', () => {
    expect(totpCode(RFC_SECRET, T)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1_111_111_109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1_234_567_890_000)).toBe('005924');
    expect(totpStep(T)).toBe(1);
  });

  it('makes 160-bit base32 secrets that differ every time', () => {
    const a = newTotpSecret();
    const b = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(Secret.fromBase32(a).bytes).toHaveLength(20);
    expect(a).not.toBe(b);
  });

  it('writes an otpauth URI that authenticator apps (and otpauth itself) read back', () => {
    const secret = newTotpSecret();
    const uri = totpUri(secret, 'maya@polaris.demo');
    expect(uri).toMatch(/^otpauth:\/\/totp\/Coalesce:maya%40polaris\.demo\?/);
    const parsed = URI.parse(uri) as TOTP;
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('Coalesce');
    expect(parsed.algorithm).toBe('SHA1');
    expect(parsed.digits).toBe(6);
    expect(parsed.period).toBe(30);
    expect(parsed.secret.base32).toBe(secret);
  });

  it('accepts the current code and one step either side, nothing further', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    expect(matchTotp(secret, totpCode(secret, now), { now })).toEqual({ ok: true, step });
    expect(matchTotp(secret, totpCode(secret, now - 30_000), { now })).toEqual({
      ok: true,
      step: step - 1,
    });
    expect(matchTotp(secret, totpCode(secret, now + 30_000), { now })).toEqual({
      ok: true,
      step: step + 1,
    });
    for (const offset of [-90_000, -60_000, 60_000, 90_000]) {
      const code = totpCode(secret, now + offset);
      // A far code may equal a near one by chance (1 in 10^6 per step); skip that case.
      const near = [-30_000, 0, 30_000].map((d) => totpCode(secret, now + d));
      if (near.includes(code)) continue;
      expect(matchTotp(secret, code, { now })).toEqual({ ok: false, reason: 'wrong-code' });
    }
  });

  it('refuses a code whose time step was already used, and older ones', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const step = totpStep(now);
    const code = totpCode(secret, now);
    expect(matchTotp(secret, code, { now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    expect(matchTotp(secret, totpCode(secret, now - 30_000), { now, lastUsedStep: step })).toEqual({
      ok: false,
      reason: 'replayed',
    });
    // The next step's code is still fine.
    expect(matchTotp(secret, totpCode(secret, now + 30_000), { now, lastUsedStep: step })).toEqual({
      ok: true,
      step: step + 1,
    });
  });

  it('refuses what is not 6 digits, and the codes of another secret', () => {
    const secret = newTotpSecret();
    const now = 1_800_000_000_000;
    const code = totpCode(secret, now);
    for (const bad of ['', '12345', '1234567', 'abcdef', ` ${code}`, `${code.slice(0, 5)}x`]) {
      expect(matchTotp(secret, bad, { now })).toEqual({ ok: false, reason: 'wrong-code' });
    }
    const other = newTotpSecret();
    const near = [-30_000, 0, 30_000].map((d) => totpCode(secret, now + d));
    if (!near.includes(totpCode(other, now)))
      expect(matchTotp(secret, totpCode(other, now), { now }).ok).toBe(false);
  });
});
