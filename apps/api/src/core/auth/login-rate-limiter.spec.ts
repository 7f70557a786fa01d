import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  LOGIN_ATTEMPTS_PER_ACCOUNT,
  LOGIN_ATTEMPTS_PER_IP,
  LOGIN_WINDOW_SECONDS,
} from '@coalesce/protocol';
import { AppError } from '../errors/app-error.js';
import { LoginRateLimiter } from './login-rate-limiter.js';

const T0 = 1_800_000_000_000;
const WINDOW = LOGIN_WINDOW_SECONDS * 1000;

/** The AppError `fn` throws, or null when it does not throw. */
function refusal(fn: () => void): AppError | null {
  try {
    fn();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

describe('LoginRateLimiter', () => {
  let limiter: LoginRateLimiter;

  beforeEach(() => {
    limiter = new LoginRateLimiter();
  });

  it('allows LOGIN_ATTEMPTS_PER_IP attempts per window from one address, then 429', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i += 1) {
      expect(
        refusal(() => limiter.checkAttempt('10.0.0.1', `user${i}@example.org`, T0 + i)),
      ).toBeNull();
    }
    const limited = refusal(() => limiter.checkAttempt('10.0.0.1', 'new@example.org', T0 + 100));
    expect(limited?.code).toBe('RATE_LIMITED');
    // Other addresses are not affected.
    expect(refusal(() => limiter.checkAttempt('10.0.0.2', 'new@example.org', T0 + 100))).toBeNull();
  });

  it('tells when to retry: the seconds left in the window, at least 1', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i += 1) limiter.checkAttempt('ip', 'a', T0);
    const early = refusal(() => limiter.checkAttempt('ip', 'a', T0 + 1000));
    expect(early?.extra.retryAfter).toBe(LOGIN_WINDOW_SECONDS - 1);
    expect(early?.message).toMatch(/Try again in 15 minute\(s\)/);
    const late = refusal(() => limiter.checkAttempt('ip', 'a', T0 + WINDOW - 10));
    expect(late?.extra.retryAfter).toBe(1);
  });

  it('opens a new window once the old one has passed', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i += 1) limiter.checkAttempt('ip', 'a', T0);
    expect(refusal(() => limiter.checkAttempt('ip', 'a', T0 + WINDOW - 1))).not.toBeNull();
    expect(refusal(() => limiter.checkAttempt('ip', 'a', T0 + WINDOW))).toBeNull();
  });

  it('refuses an account after LOGIN_ATTEMPTS_PER_ACCOUNT failures, from any address', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT; i += 1) {
      expect(
        refusal(() => limiter.checkAttempt(`10.0.1.${i}`, 'maya@example.org', T0 + i)),
      ).toBeNull();
      limiter.recordFailure('maya@example.org', T0 + i);
    }
    const limited = refusal(() => limiter.checkAttempt('10.9.9.9', 'maya@example.org', T0 + 10));
    expect(limited?.code).toBe('RATE_LIMITED');
    expect(limited?.extra.retryAfter).toBe(LOGIN_WINDOW_SECONDS);
    // Other accounts are not affected.
    expect(
      refusal(() => limiter.checkAttempt('10.9.9.9', 'other@example.org', T0 + 10)),
    ).toBeNull();
    // The window of failures ends.
    expect(
      refusal(() => limiter.checkAttempt('10.9.9.8', 'maya@example.org', T0 + WINDOW)),
    ).toBeNull();
  });

  it('forgets the failures of an account after a successful sign-in', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT - 1; i += 1)
      limiter.recordFailure('maya@example.org', T0);
    limiter.recordSuccess('maya@example.org');
    limiter.recordFailure('maya@example.org', T0 + 1);
    expect(refusal(() => limiter.checkAttempt('ip', 'maya@example.org', T0 + 2))).toBeNull();
  });

  it('reset() clears every window', () => {
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_IP; i += 1) limiter.checkAttempt('ip', 'a', T0);
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_ACCOUNT; i += 1) limiter.recordFailure('b', T0);
    expect(refusal(() => limiter.checkAttempt('ip', 'x', T0))).not.toBeNull();
    expect(refusal(() => limiter.checkAttempt('other-ip', 'b', T0))).not.toBeNull();
    limiter.reset();
    expect(refusal(() => limiter.checkAttempt('ip', 'x', T0))).toBeNull();
    expect(refusal(() => limiter.checkAttempt('other-ip', 'b', T0))).toBeNull();
  });

  it('can be configured with other limits', () => {
    limiter.configure({ perIp: 2, perAccount: 1, windowMs: 1000 });
    limiter.checkAttempt('ip', 'a', T0);
    limiter.checkAttempt('ip', 'a', T0);
    expect(refusal(() => limiter.checkAttempt('ip', 'a', T0))?.extra.retryAfter).toBe(1);
    limiter.recordFailure('c', T0);
    expect(refusal(() => limiter.checkAttempt('ip2', 'c', T0 + 999))).not.toBeNull();
    expect(refusal(() => limiter.checkAttempt('ip2', 'c', T0 + 1000))).toBeNull();
  });

  it('stays bounded: expired windows are swept once many keys pile up', () => {
    for (let i = 0; i < 10_000; i += 1) limiter.checkAttempt(`ip-${i}`, `acct-${i}`, T0);
    const sizes = limiter as unknown as { byIp: Map<string, unknown> };
    expect(sizes.byIp.size).toBe(10_000);
    limiter.checkAttempt('late', 'late', T0 + WINDOW);
    expect(sizes.byIp.size).toBe(1);
  });
});
