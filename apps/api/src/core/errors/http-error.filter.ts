import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody, ErrorCode } from '@coalesce/protocol';
import { AppError } from './app-error.js';
import { ERROR_STATUS } from './error-status.js';
import { isTransientDatabaseError, uniqueViolation } from './database-errors.js';

/** Turns every error into `{ error: { code, message, ... } }` with the status of its code. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request & { id?: string }>();
    const { status, body } = this.toBody(exception);
    if (status >= 500) {
      this.logger.error({ err: exception, path: req.path }, 'Unhandled error');
    }
    if (body.error.retryAfter !== undefined)
      res.setHeader('Retry-After', String(body.error.retryAfter));
    body.error.requestId = typeof req.id === 'string' ? req.id : undefined;
    res.status(status).json(body);
  }

  private toBody(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof AppError) {
      return {
        status: ERROR_STATUS[exception.code],
        body: { error: { code: exception.code, message: exception.message, ...exception.extra } },
      };
    }
    if (isTransientDatabaseError(exception)) {
      return error(503, 'UNAVAILABLE', 'The database is unavailable; try again shortly.');
    }
    const conflict = uniqueViolation(exception);
    if (conflict) {
      return { status: 409, body: { error: { code: 'CONFLICT', message: conflict } } };
    }
    const bodyParser = exception as { type?: string; status?: number };
    if (bodyParser?.type === 'entity.too.large') {
      return error(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    }
    if (bodyParser?.type === 'entity.parse.failed') {
      return error(400, 'VALIDATION_FAILED', 'The request body is not valid JSON.');
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code: ErrorCode =
        status === 404
          ? 'NOT_FOUND'
          : status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : status < 500
              ? 'VALIDATION_FAILED'
              : 'INTERNAL';
      const message = status === 404 ? 'Route not found.' : exception.message;
      return error(status, code, message);
    }
    return error(500, 'INTERNAL', 'Something went wrong on our side. It has been logged.');
  }
}

function error(
  status: number,
  code: ErrorCode,
  message: string,
): { status: number; body: ErrorBody } {
  return { status, body: { error: { code, message } } };
}
