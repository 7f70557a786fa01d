import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, LogFn, Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { REDACTED, REDACT_PATHS, safeError, safeUrl, scrubMessage } from './log-redaction.js';
import { requestIdOf } from './request-id.js';

const QUIET_PATHS = /^\/api\/(health(\/live|\/ready)?|metrics)(\?|$)/;

/**
 * pino JSON logs (pretty in development on a terminal). Every line logged while serving a request
 * carries its `reqId`; lines about a socket carry `socketId` and the handshake's `reqId`. Requests
 * are logged as id, method, path (query values redacted) and status only; errors through
 * `safeError`; see log-redaction.ts.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig, stream?: DestinationStream): DynamicModule {
    const pinoHttp = {
      level: config.logLevel,
      transport:
        config.logPretty && !stream
          ? {
              target: 'pino-pretty',
              options: { singleLine: true, translateTime: 'SYS:HH:MM:ss' },
            }
          : undefined,
      // Lines logged while serving a request carry `reqId` (the completion line also `req`).
      quietReqLogger: true,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = requestIdOf(req.headers);
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: { paths: REDACT_PATHS, censor: REDACTED },
      // Messages built with string interpolation (`query failed: ${message}`) are scrubbed too.
      hooks: {
        logMethod(this: Logger, args: unknown[], method: LogFn) {
          const scrubbed = args.map((arg) => (typeof arg === 'string' ? scrubMessage(arg) : arg));
          return (method as (...a: unknown[]) => void).apply(this, scrubbed);
        },
      },
      // Probes and scrapes come every few seconds; their lines would drown the rest.
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: safeUrl(req.url),
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        err: (error: unknown) => safeError(error),
      },
    };
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot({ pinoHttp: stream ? [pinoHttp, stream] : pinoHttp })],
    };
  }
}
