import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config.js';
import type { AppConfig } from '../../src/core/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase } from './test-database.js';
import type { TestDatabase } from './test-database.js';
import { ApiClient } from './api-client.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  db: DataSource;
  /** The database this app runs on; pass it to another startTestApp to restart on the same data. */
  database: TestDatabase;
  /** A new cookie-less client. */
  client(): ApiClient;
  /** Stops the app and drops its database, unless `keepDatabase` (to start again on it). */
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

export interface StartOptions {
  /**
   * Run on this database (from an earlier TestApp, closed with `keepDatabase`) instead of a fresh
   * one. With the embedded PGlite, pass the same DATA_DIR in `env` as well.
   */
  database?: TestDatabase;
  /** Send the app's logs here (set LOG_LEVEL in `env` too; tests default to silent). */
  logStream?: DestinationStream;
}

/** Starts the real application on a loopback port 0 with a fresh database. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: ':memory:',
    DATABASE_URL: database.url ?? '',
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  const app = await createApp(config, { logStream: options.logStream });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    baseUrl,
    db: app.get(DataSource),
    database,
    client: () => new ApiClient(baseUrl),
    async close({ keepDatabase = false } = {}) {
      await app.close();
      if (!keepDatabase) await database.drop();
    },
  };
}
