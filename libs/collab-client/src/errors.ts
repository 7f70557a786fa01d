import type { CollabError, ErrorCode } from '@coalesce/protocol';

/** Thrown by the client's own API (misuse, closed client) and used to reject `whenSynced()`. */
export class CollabClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CollabClientError';
  }

  static from(error: CollabError): CollabClientError {
    return new CollabClientError(error.code, error.message);
  }
}

/** Error acks after which the same message may succeed later: wait, then send it again. */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>(['RATE_LIMITED', 'UNAVAILABLE']);

/** Handshake refusals that a new attempt with a fresh token cannot fix. */
const AUTH_FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'UNAUTHENTICATED',
  'SESSION_REVOKED',
  'ACCOUNT_DISABLED',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_REUSED',
  'FORBIDDEN',
]);

/**
 * Error acks of doc:open that end the handle (retrying cannot help). Anything else (UNAVAILABLE,
 * RATE_LIMITED, INTERNAL, a timeout) is retried with backoff.
 */
const OPEN_FATAL: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION_FAILED',
  'TOO_MANY_OPEN_DOCS',
  'UNAUTHENTICATED',
  'SESSION_REVOKED',
]);

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE.has(code);
}

export function isFatalAuthError(code: string): boolean {
  return AUTH_FATAL.has(code as ErrorCode);
}

export function isFatalOpenError(code: ErrorCode): boolean {
  return OPEN_FATAL.has(code);
}

/** The code of a Socket.IO `connect_error`: `err.data.code` from our server, else `err.message`. */
export function connectErrorOf(err: unknown): CollabError {
  const error = err as { message?: unknown; data?: { code?: unknown; message?: unknown } };
  const data = error?.data;
  if (data && typeof data.code === 'string') {
    return {
      code: data.code as ErrorCode,
      message: typeof data.message === 'string' ? data.message : data.code,
    };
  }
  const message = typeof error?.message === 'string' ? error.message : 'Connection failed.';
  return { code: /^[A-Z_]+$/.test(message) ? (message as ErrorCode) : 'UNAVAILABLE', message };
}
