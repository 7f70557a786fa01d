import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/core/config/app-config.js';
import type { AppConfig } from '../../src/core/config/app-config.js';
import { createApp } from '../../src/create-app.js';
import { createTestDatabase } from './test-database.js';
import { ApiClient } from './api-client.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  baseUrl: string;
  db: DataSource;
  /** A new cookie-less client. */
  client(): ApiClient;
  close(): Promise<void>;
}

/** Starts the real application on a loopback port 0 with a fresh database. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: 'test',
    SEED_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: ':memory:',
    DATABASE_URL: database.url ?? '',
    WEB_DIST_DIR: '/nonexistent',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}`;
  return {
    app,
    config,
    baseUrl,
    db: app.get(DataSource),
    client: () => new ApiClient(baseUrl),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
