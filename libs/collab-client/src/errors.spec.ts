import { connectErrorOf, isFatalAuthError, isFatalOpenError, isRetryable } from './errors.js';

describe('connectErrorOf', () => {
  it('reads the code from err.data, as the server sends it', () => {
    const err = Object.assign(new Error('TOKEN_EXPIRED'), {
      data: { code: 'TOKEN_EXPIRED', message: 'The access token expired.' },
    });
    expect(connectErrorOf(err)).toEqual({
      code: 'TOKEN_EXPIRED',
      message: 'The access token expired.',
    });
  });

  it('falls back to a code-like message, then to UNAVAILABLE for transport errors', () => {
    expect(connectErrorOf(new Error('SESSION_REVOKED')).code).toBe('SESSION_REVOKED');
    expect(connectErrorOf(new Error('websocket error'))).toEqual({
      code: 'UNAVAILABLE',
      message: 'websocket error',
    });
  });
});

describe('error classification', () => {
  it('separates retryable, fatal-auth and fatal-open codes', () => {
    expect(isRetryable('RATE_LIMITED')).toBe(true);
    expect(isRetryable('INVALID_UPDATE')).toBe(false);
    expect(isFatalAuthError('UNAUTHENTICATED')).toBe(true);
    expect(isFatalAuthError('TOKEN_EXPIRED')).toBe(false);
    expect(isFatalOpenError('NOT_FOUND')).toBe(true);
    expect(isFatalOpenError('UNAVAILABLE')).toBe(false);
  });
});
