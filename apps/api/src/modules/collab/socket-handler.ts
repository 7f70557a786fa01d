import type { Logger } from '@nestjs/common';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import { FLOOD_DISCONNECT_AFTER } from '@coalesce/protocol';
import type { CollabAck, CollabError } from '@coalesce/protocol';
import { AppError } from '../../core/errors/app-error.js';
import { zodFieldErrors } from '../../core/http/zod-validation.pipe.js';
import { isTransientDatabaseError } from '../../core/errors/database-errors.js';
import { sessionOf } from './socket-session.js';

type Ack = (response: CollabAck) => void;

export interface HandlerOptions {
  /** Which token bucket pays for this event. */
  limit?: 'updates' | 'awareness';
  /** Called with the seconds from receipt to a successful ack (metrics). */
  acked?: (seconds: number) => void;
  /** Called with the error code of a refusal (metrics). */
  refused?: (code: string) => void;
}

/**
 * Registers a socket event handler that can never crash the process: the payload is validated with
 * the protocol's zod schema, rate limits apply, and every outcome is an ack `{ok}` or `{ok:false,error}`.
 */
export function handle<S extends z.ZodType>(
  socket: Socket,
  event: string,
  schema: S,
  logger: Logger,
  handler: (payload: z.output<S>) => Promise<object | void>,
  options: HandlerOptions = {},
): void {
  socket.on(event, async (...args: unknown[]) => {
    const received = performance.now();
    const ack: Ack =
      typeof args[args.length - 1] === 'function' ? (args.pop() as Ack) : () => undefined;
    const session = sessionOf(socket);
    try {
      if (options.limit && !session[options.limit].take()) {
        session.refusals += 1;
        if (session.refusals > FLOOD_DISCONNECT_AFTER) {
          logger.warn({ event, ...socketLogContext(socket) }, 'socket disconnected for flooding');
          socket.emit('error:flood', {
            code: 'RATE_LIMITED',
            message: 'Too many messages; disconnected.',
          });
          socket.disconnect(true);
          return;
        }
        throw new AppError('RATE_LIMITED', 'Too many messages; slow down.');
      }
      const parsed = schema.safeParse(normalizeBinary(args[0]));
      if (!parsed.success) {
        const fields = zodFieldErrors(parsed.error);
        throw new AppError(
          'VALIDATION_FAILED',
          `Invalid ${event} payload: ${fields.map((f) => `${f.path || 'payload'}: ${f.message}`).join('; ')}`,
        );
      }
      const result = await handler(parsed.data);
      session.refusals = 0;
      ack({ ok: true, ...(result ?? {}) });
      options.acked?.((performance.now() - received) / 1000);
    } catch (error) {
      const refusal = toCollabError(error, logger, { event, ...socketLogContext(socket) });
      ack({ ok: false, error: refusal });
      options.refused?.(refusal.code);
    }
  });
}

/** What every log line about a socket carries: its connection id, its user, and a request id. */
export function socketLogContext(socket: Socket): {
  socketId: string;
  userId?: string;
  reqId?: string;
} {
  return {
    socketId: socket.id,
    userId: sessionOf(socket)?.user?.id,
    reqId: sessionOf(socket)?.requestId,
  };
}

export function toCollabError(
  error: unknown,
  logger: Logger,
  context: { event: string; socketId?: string; userId?: string; reqId?: string },
): CollabError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (isTransientDatabaseError(error)) {
    logger.warn(
      context,
      `${context.event}: the database is unavailable (${(error as Error).message})`,
    );
    return { code: 'UNAVAILABLE', message: 'The database is unavailable; try again shortly.' };
  }
  logger.error({ err: error, ...context }, 'socket handler failed');
  return { code: 'INTERNAL', message: 'Something went wrong on our side.' };
}

/** Browsers send binary as ArrayBuffer; the server works with Uint8Array. */
function normalizeBinary(payload: unknown): unknown {
  if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) };
  for (const [key, value] of Object.entries(copy)) {
    if (value instanceof ArrayBuffer) copy[key] = new Uint8Array(value);
  }
  return copy;
}
