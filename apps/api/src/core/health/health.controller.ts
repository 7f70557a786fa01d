import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/access-rule.js';
import { DatabaseServer } from '../database/database.module.js';

export interface HealthReport {
  status: 'ok' | 'degraded';
  database: {
    status: 'up' | 'down';
    kind: 'postgres' | 'embedded';
    latencyMs: number | null;
    error?: string;
  };
  uptimeSeconds: number;
}

/** /api/health: the database is checked with a real query; 503 when it does not answer. */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly server: DatabaseServer,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const kind = this.server.isEmbedded ? 'embedded' : 'postgres';
    const started = performance.now();
    try {
      await withTimeout(this.db.query('SELECT 1'), 3000);
      return {
        status: 'ok',
        database: {
          status: 'up',
          kind,
          latencyMs: Math.round((performance.now() - started) * 10) / 10,
        },
        uptimeSeconds: Math.round(process.uptime()),
      };
    } catch (error) {
      res.status(HttpStatus.SERVICE_UNAVAILABLE);
      return {
        status: 'degraded',
        database: {
          status: 'down',
          kind,
          latencyMs: null,
          error: error instanceof Error ? error.message : 'unknown',
        },
        uptimeSeconds: Math.round(process.uptime()),
      };
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}
