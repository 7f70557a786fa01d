import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream, LogFn, Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { REDACTED, REDACT_PATHS, safeError, safeUrl, scrubMessage } from './log-redaction.js';

/**
 * pino JSON logs with a request id on every line (pretty in development on a terminal). Requests
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
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id =
          typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
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
      autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
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
