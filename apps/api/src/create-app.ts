import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { CSRF_HEADER, MAX_JSON_BODY_BYTES } from '@coalesce/protocol';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/app-config.js';
import { HttpErrorFilter } from './core/errors/http-error.filter.js';
import { Readiness } from './core/health/readiness.js';
import { HttpMetrics } from './core/metrics/http-metrics.js';
import { Metrics } from './core/metrics/metrics.service.js';
import { CollabIoAdapter } from './core/realtime/collab-io.adapter.js';
import { csrfMiddleware } from './core/security/csrf.middleware.js';
import { OriginPolicy } from './core/security/origin-policy.js';
import { securityHeaders } from './core/security/security-headers.js';

export interface CreateAppOptions {
  /** Where the logs go instead of stdout (the log-redaction test reads them). */
  logStream?: DestinationStream;
}

/**
 * Builds the configured application (used by main.ts and by the integration tests). Graceful
 * shutdown on signals is main.ts's business (`exitGracefullyOnSignals`); `app.close()` drains too.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, options.logStream),
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  app.use(app.get(HttpMetrics).middleware);
  const origins = new OriginPolicy(config.corsOrigins);
  const ioAdapter = new CollabIoAdapter(app, config.redisUrl, app.get(Metrics), origins);
  await ioAdapter.connectRedis();
  app.useWebSocketAdapter(ioAdapter);
  if (config.redisUrl) app.get(Readiness).addCheck('redis', () => ioAdapter.pingRedis());
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders({ production: config.isProduction }));
  // An origin outside the allow-list gets no CORS headers at all (and its preflight fails).
  app.enableCors({
    origin: (origin, callback) => callback(null, origins.isListed(origin)),
    credentials: true,
    allowedHeaders: ['Content-Type', 'Authorization', CSRF_HEADER, 'X-Request-Id'],
    exposedHeaders: ['Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  app.use(express.json({ limit: MAX_JSON_BODY_BYTES }));
  app.use(cookieParser());
  app.use(csrfMiddleware(origins));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalFilters(new HttpErrorFilter());

  const openApi = new DocumentBuilder()
    .setTitle('Coalesce API')
    .setDescription(
      'REST API of Coalesce, the coordination workspace for anti-trafficking coalitions.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, openApi);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    // No badge fetched from the public validator: the page stays within its own origin.
    swaggerOptions: { validatorUrl: null },
  });

  const webDist = config.webDistDir ?? defaultWebDist();
  if (webDist && existsSync(join(webDist, 'index.html'))) serveWebApp(app, webDist);
  return app;
}

/** The built SPA: static files, and index.html for every non-API path (client-side routes). */
function serveWebApp(app: NestExpressApplication, dir: string): void {
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const index = join(dir, 'index.html');
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/socket.io'))
      return next();
    res.sendFile(index);
  });
}

function defaultWebDist(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidate = resolve(here, '../../web/dist');
  return existsSync(candidate) ? candidate : null;
}
