import { Controller, Get, HttpStatus, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { Public } from '../access/access-rule.js';
import { DatabaseServer } from '../database/database.module.js';
import { Readiness, probe } from './readiness.js';
import type { ReadinessReport } from './readiness.js';

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

export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}

/**
 * Health for people and orchestrators:
 * - /api/health: the database checked with a real query (503 when it does not answer);
 * - /api/health/live: the process is up and its event loop answers (no dependency is touched);
 * - /api/health/ready: may this node take traffic? (database, Redis when configured; 503 while
 *   shutting down).
 */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly server: DatabaseServer,
    private readonly readiness: Readiness,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthReport> {
    const kind = this.server.isEmbedded ? 'embedded' : 'postgres';
    const database = await probe(() => this.db.query('SELECT 1'), 3000);
    if (database.status === 'down') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: database.status === 'up' ? 'ok' : 'degraded',
      database: { ...database, kind },
      uptimeSeconds: Math.round(process.uptime()),
    };
  }

  @Get('live')
  @Public()
  @ApiOkResponse({ description: 'The process is up.' })
  live(): LivenessReport {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  @Get('ready')
  @Public()
  @ApiOkResponse({ description: 'Ready for traffic: the database (and Redis) answer.' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down, or shutting down.' })
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.readiness.report();
    res.setHeader('Cache-Control', 'no-store');
    if (report.status !== 'ready') res.status(HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }
}
