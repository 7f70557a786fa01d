import type { ErrorCode, FieldError } from '@coalesce/protocol';

/**
 * The one error type services throw. It carries a code from libs/protocol; the HTTP filter and the
 * socket wrapper map codes to statuses once. Services never throw HTTP exceptions.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: {
      fields?: FieldError[];
      retryAfter?: number;
      details?: Record<string, unknown>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  static notFound(what = 'Resource'): AppError {
    return new AppError('NOT_FOUND', `${what} not found.`);
  }

  static forbidden(message = 'You do not have permission to do this.'): AppError {
    return new AppError('FORBIDDEN', message);
  }

  static conflict(message: string, field?: string): AppError {
    return new AppError('CONFLICT', message, field ? { fields: [{ path: field, message }] } : {});
  }

  /** A 409 that tells the client what it needs to recover (the fresh record, the allowed values). */
  static conflictWith(message: string, details: Record<string, unknown>): AppError {
    return new AppError('CONFLICT', message, { details });
  }

  static validation(fields: FieldError[], message = 'Some fields are invalid.'): AppError {
    return new AppError('VALIDATION_FAILED', message, { fields });
  }
}
