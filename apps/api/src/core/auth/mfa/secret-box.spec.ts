import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

const KEY = 'a-test-key-for-two-factor-secrets-0123456789';
const USER = '3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b';
const OTHER_USER = '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93';

describe('SecretBox', () => {
  it('seals a secret so that it opens for its owner with the same key only', () => {
    const box = new SecretBox(KEY);
    const sealed = box.seal('JBSWY3DPEHPK3PXP', USER);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, USER)).toBe('JBSWY3DPEHPK3PXP');
    expect(new SecretBox(KEY).open(sealed, USER)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => box.open(sealed, OTHER_USER)).toThrow();
    expect(() => new SecretBox(`${KEY}-rotated`).open(sealed, USER)).toThrow();
  });

  it('uses a fresh IV each time and detects tampering', () => {
    const box = new SecretBox(KEY);
    const a = box.seal('JBSWY3DPEHPK3PXP', USER);
    const b = box.seal('JBSWY3DPEHPK3PXP', USER);
    expect(a).not.toBe(b);
    const [v, iv, tag, ct] = a.split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([v, iv, tag, flipped.toString('base64url')].join('.'), USER)).toThrow();
    expect(() => box.open('not-sealed', USER)).toThrow('Not a sealed two-factor secret.');
  });

  it('hashes recovery codes with a key: stable, per user, per key', () => {
    const box = new SecretBox(KEY);
    const hash = box.hashRecoveryCode('abcd1234efgh', USER);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(box.hashRecoveryCode('abcd1234efgh', USER)).toBe(hash);
    expect(box.hashRecoveryCode('abcd1234efgh', OTHER_USER)).not.toBe(hash);
    expect(box.hashRecoveryCode('abcd1234efgj', USER)).not.toBe(hash);
    expect(new SecretBox(`${KEY}-other`).hashRecoveryCode('abcd1234efgh', USER)).not.toBe(hash);
  });
});
