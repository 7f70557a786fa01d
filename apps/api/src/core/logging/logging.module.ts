import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config.js';
import { requestIdOf } from './request-id.js';

const QUIET_PATHS = /^\/api\/(health(\/live|\/ready)?|metrics)(\?|$)/;

/**
 * pino JSON logs (pretty in development on a terminal). Every line logged while serving a request
 * carries its `reqId`; lines about a socket carry `socketId` and the handshake's `reqId`.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            transport: config.logPretty
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
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
              ],
              censor: '[redacted]',
            },
            // Probes and scrapes come every few seconds; their lines would drown the rest.
            autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.test(req.url ?? '') },
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({
                id: req.id,
                method: req.method,
                url: req.url,
              }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
      ],
    };
  }
}
