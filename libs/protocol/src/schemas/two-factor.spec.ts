import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import {
  changeEmailSchema,
  isMfaChallenge,
  mfaConfirmSchema,
  mfaVerifySchema,
  orgSecurityUpdateSchema,
  reauthSchema,
  totpCodeSchema,
} from './two-factor.js';

const paths = (schema: z.ZodType, value: unknown): string[] => {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('two-factor schemas', () => {
  it('takes a 6-digit code with or without spaces, and nothing else', () => {
    expect(totpCodeSchema.parse('123456')).toBe('123456');
    expect(totpCodeSchema.parse(' 123 456 ')).toBe('123456');
    for (const bad of ['12345', '1234567', '12345a', '', 'abcdef'])
      expect(totpCodeSchema.safeParse(bad).success).toBe(false);
    expect(mfaConfirmSchema.parse({ code: '123 456' })).toEqual({ code: '123456' });
    expect(paths(mfaConfirmSchema, { code: '123456', extra: 1 })).toEqual(['']);
  });

  it('verifies a sign-in with a challenge and a TOTP or recovery code', () => {
    const challengeToken = 'x'.repeat(43);
    expect(mfaVerifySchema.parse({ challengeToken, code: ' k7pq-m2xw-9rtd ' })).toEqual({
      challengeToken,
      code: 'k7pq-m2xw-9rtd',
    });
    expect(paths(mfaVerifySchema, { challengeToken: 'short', code: '12' }).sort()).toEqual([
      'challengeToken',
      'code',
    ]);
    expect(paths(mfaVerifySchema, { challengeToken, code: 'x'.repeat(41) })).toEqual(['code']);
  });

  it('re-authenticates with a password and an optional code', () => {
    expect(reauthSchema.parse({ password: 'pw' })).toEqual({ password: 'pw' });
    expect(reauthSchema.parse({ password: 'pw', code: '123456' })).toEqual({
      password: 'pw',
      code: '123456',
    });
    expect(paths(reauthSchema, { password: '' })).toEqual(['password']);
    expect(paths(reauthSchema, {})).toEqual(['password']);
  });

  it('changes an email to a valid, normalized address with the current password', () => {
    expect(changeEmailSchema.parse({ email: ' New@Example.ORG ', currentPassword: 'pw' })).toEqual({
      email: 'new@example.org',
      currentPassword: 'pw',
    });
    expect(paths(changeEmailSchema, { email: 'nope', currentPassword: '' }).sort()).toEqual([
      'currentPassword',
      'email',
    ]);
  });

  it('takes a boolean for the organization requirement', () => {
    expect(orgSecurityUpdateSchema.parse({ requireTwoFactor: true })).toEqual({
      requireTwoFactor: true,
    });
    expect(paths(orgSecurityUpdateSchema, { requireTwoFactor: 'true' })).toEqual([
      'requireTwoFactor',
    ]);
  });

  it('tells a challenge from tokens', () => {
    expect(isMfaChallenge({ mfaRequired: true, challengeToken: 'x', expiresIn: 300 })).toBe(true);
    expect(isMfaChallenge({ accessToken: 'x', expiresIn: 900 })).toBe(false);
  });
});
