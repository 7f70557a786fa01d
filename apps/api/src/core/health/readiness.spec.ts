import { beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Lifecycle } from '../lifecycle/lifecycle.service.js';
import { Readiness, probe } from './readiness.js';

beforeAll(() => Logger.overrideLogger(false));

function readiness(database: () => Promise<unknown>) {
  const lifecycle = new Lifecycle();
  lifecycle.onApplicationBootstrap();
  const db = { query: database } as unknown as DataSource;
  return { lifecycle, readiness: new Readiness(db, lifecycle) };
}

describe('Readiness', () => {
  it('is ready when the database and every registered dependency answer', async () => {
    const { readiness: r } = readiness(async () => [{ '?column?': 1 }]);
    r.addCheck('redis', async () => 'PONG');
    const report = await r.report();
    expect(report).toMatchObject({
      status: 'ready',
      shuttingDown: false,
      checks: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('is not ready when a dependency fails, and says which', async () => {
    const { readiness: r } = readiness(async () => []);
    r.addCheck('redis', async () => {
      throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
    });
    expect(await r.report()).toMatchObject({
      status: 'not-ready',
      checks: {
        database: { status: 'up' },
        redis: { status: 'down', latencyMs: null, error: 'connect ECONNREFUSED 127.0.0.1:6379' },
      },
    });
  });

  it('is not ready while shutting down, without running the checks', async () => {
    let queried = 0;
    const { lifecycle, readiness: r } = readiness(async () => queried++);
    lifecycle.beginShutdown();
    expect(await r.report()).toEqual({ status: 'not-ready', shuttingDown: true, checks: {} });
    expect(queried).toBe(0);
  });

  it('gives up on a check that does not answer in time', async () => {
    const result = await probe(() => new Promise(() => undefined), 30);
    expect(result).toEqual({ status: 'down', latencyMs: null, error: 'no answer within 30 ms' });
  });
});
