import { describe, expect, it } from '@jest/globals';
import { isTotpCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes.js';

describe('recovery codes', () => {
  it('hands out 10 distinct codes of 12 base32 symbols in groups of four', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes)
      expect(code).toMatch(/^[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){2}$/);
    expect(newRecoveryCodes(3)).toHaveLength(3);
  });

  it('uses every symbol of the alphabet (the generator is not stuck on a few)', () => {
    const symbols = new Set(newRecoveryCodes(200).join('').replace(/-/g, ''));
    expect(symbols.size).toBe(32);
  });

  it('reads a code however it is typed: case, spaces, dashes and look-alike letters', () => {
    const [code] = newRecoveryCodes(1);
    const canonical = code.replace(/-/g, '');
    expect(normalizeRecoveryCode(code)).toBe(canonical);
    expect(normalizeRecoveryCode(code.toUpperCase())).toBe(canonical);
    expect(normalizeRecoveryCode(` ${code.replace(/-/g, ' ')} `)).toBe(canonical);
    expect(normalizeRecoveryCode('0o1i-l234-5678')).toBe('001112345678');
  });

  it('refuses what cannot be a recovery code', () => {
    for (const bad of [
      '',
      '123456',
      'abcd-efgh-jkm',
      'abcd-efgh-jkmnp',
      'abcd-efgh-jku!',
      'uuuu-uuuu-uuuu',
    ])
      expect(normalizeRecoveryCode(bad)).toBeNull();
  });

  it('tells an authenticator code from a recovery code', () => {
    expect(isTotpCode('123456')).toBe(true);
    expect(isTotpCode('123 456')).toBe(true);
    expect(isTotpCode('12345')).toBe(false);
    expect(isTotpCode('1234-5678-9abc')).toBe(false);
  });
});
