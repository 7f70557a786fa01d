import { describe, expect, it } from '@jest/globals';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it('accepts a long, varied passphrase', () => {
    expect(passwordProblems('correct-horse-battery-staple')).toEqual([]);
    expect(passwordProblems('Demo-Coalition-2026')).toEqual([]);
  });

  it('measures length: at least 12, at most 128 characters', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(PASSWORD_MAX_LENGTH).toBe(128);
    expect(passwordProblems('abcdefghijk')).toEqual(['Use at least 12 characters.']);
    expect(passwordProblems('abcdefghijkl')).toEqual([]);
    const longest = 'abcdefghij'.repeat(12) + 'abcdefgh';
    expect(longest).toHaveLength(128);
    expect(passwordProblems(longest)).toEqual([]);
    expect(passwordProblems(longest + 'x')).toEqual(['Use at most 128 characters.']);
  });

  it('refuses passwords made of too few different characters', () => {
    expect(passwordProblems('abababababababab')).toEqual(['Use more varied characters.']);
    expect(passwordProblems('abcdabcdabcdabcd')).toEqual(['Use more varied characters.']);
    expect(passwordProblems('abcdeabcdeabcde')).toEqual([]);
    // An empty or blank value is only "too short", not also "not varied".
    expect(passwordProblems('')).toEqual(['Use at least 12 characters.']);
  });

  it('refuses a password that contains the local part of the email address', () => {
    expect(
      passwordProblems('my-Maya.Ortiz-rocks-2026', { email: 'maya.ortiz@example.org' }),
    ).toEqual(['Do not include your email address.']);
    // Very short local parts are not checked (they would match too much).
    expect(passwordProblems('a-bo-correct-horse', { email: 'bo@example.org' })).toEqual([]);
  });

  it('refuses common words anywhere in the password, in any case', () => {
    for (const common of [
      'password',
      'QWERTY',
      '123456',
      'LetMeIn',
      'welcome',
      'iloveyou',
      'admin123',
    ]) {
      expect(passwordProblems(`xyz-${common}-battery-staple`)).toEqual([
        'Avoid common words such as "password" or "qwerty".',
      ]);
    }
  });

  it('reports every problem at once', () => {
    expect(passwordProblems('password', { email: 'password@example.org' })).toEqual([
      'Use at least 12 characters.',
      'Do not include your email address.',
      'Avoid common words such as "password" or "qwerty".',
    ]);
  });
});
