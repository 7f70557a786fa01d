import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { MAX_JSON_BODY_BYTES } from '@coalesce/protocol';
import { AppModule } from './app.module.js';
import type { AppConfig } from './core/config/app-config.js';
import { HttpErrorFilter } from './core/errors/http-error.filter.js';
import { Readiness } from './core/health/readiness.js';
import { HttpMetrics } from './core/metrics/http-metrics.js';
import { Metrics } from './core/metrics/metrics.service.js';
import { CollabIoAdapter } from './core/realtime/collab-io.adapter.js';

/**
 * Builds the configured application (used by main.ts and by the integration tests). Graceful
 * shutdown on signals is main.ts's business (`exitGracefullyOnSignals`); `app.close()` drains too.
 */
export async function createApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.use(app.get(HttpMetrics).middleware);
  const ioAdapter = new CollabIoAdapter(app, config.redisUrl, app.get(Metrics));
  await ioAdapter.connectRedis();
  app.useWebSocketAdapter(ioAdapter);
  if (config.redisUrl) app.get(Readiness).addCheck('redis', () => ioAdapter.pingRedis());
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          connectSrc: ["'self'", 'ws:', 'wss:'],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'", "'unsafe-inline'"],
        },
      },
    }),
  );
  app.use(express.json({ limit: MAX_JSON_BODY_BYTES }));
  app.use(cookieParser());
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });
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
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

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
