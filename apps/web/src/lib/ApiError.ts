import type { ErrorBody, ErrorCode, FieldError } from '@coalesce/protocol';

/** Codes the client adds to the server's: the request never got an answer. */
export type ClientErrorCode = 'NETWORK_ERROR';

/** A failed API call: the server's `{ error: { code, message, fields } }` with its HTTP status. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | ClientErrorCode;
  readonly fields: FieldError[];
  /** Seconds until a rate-limited request may be retried. */
  readonly retryAfter: number | null;
  /** Structured facts of a refusal (e.g. the fresh record of a 409). */
  readonly details: Record<string, unknown> | null;

  constructor(init: {
    status: number;
    code: ErrorCode | ClientErrorCode;
    message: string;
    fields?: FieldError[];
    retryAfter?: number | null;
    details?: Record<string, unknown> | null;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.fields = init.fields ?? [];
    this.retryAfter = init.retryAfter ?? null;
    this.details = init.details ?? null;
  }

  /** Builds the error from a response body, tolerating bodies that are not ours (proxies). */
  static fromBody(status: number, body: unknown, retryAfterHeader?: string | null): ApiError {
    const error = (body as Partial<ErrorBody> | null)?.error;
    const headerSeconds = retryAfterHeader ? Number(retryAfterHeader) : NaN;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return new ApiError({
        status,
        code: error.code,
        message: error.message,
        fields: Array.isArray(error.fields) ? error.fields : [],
        retryAfter: error.retryAfter ?? (Number.isFinite(headerSeconds) ? headerSeconds : null),
        details: error.details ?? null,
      });
    }
    return new ApiError({
      status,
      code: status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED',
      message: `The server answered with status ${status}. Please try again.`,
    });
  }

  static network(): ApiError {
    return new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      message: 'Coalesce could not be reached. Check your connection and try again.',
    });
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
