import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { ContributionRemovals } from '../contributions/contribution-removals.service.js';
import { OrgErasureService } from './erasure/org-erasure.service.js';
import { OrgExportsRepository } from './exports/org-exports.repository.js';
import { ORG_DATA_CONFIG } from './org-data.config.js';
import type { OrgDataConfig } from './org-data.config.js';

/** A running export that has not reported for this long died with its process. */
export const EXPORT_STALE_MS = 10 * 60_000;

export interface OrgDataJobRun {
  expired: number;
  interrupted: number;
  replacementsResumed: number;
  erasuresResumed: number;
}

/**
 * The time-driven part of data ownership, every ORG_DATA_JOB_INTERVAL_MS and callable with any
 * clock: deletes the files of expired exports, marks exports whose process died as failed, and
 * resumes contribution replacements and erasures that were interrupted. Safe on several nodes at
 * once: each piece of work is claimed in the database first.
 */
@Injectable()
export class OrgDataJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OrgDataJob');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<OrgDataJobRun> | null = null;

  constructor(
    @Inject(ORG_DATA_CONFIG) private readonly config: OrgDataConfig,
    private readonly exports: OrgExportsRepository,
    private readonly removals: ContributionRemovals,
    private readonly erasures: OrgErasureService,
    private readonly live: LiveEvents,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.run().catch((err: unknown) => this.logger.error({ err }, 'Data ownership job failed'));
    }, this.config.jobIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  run(now: Date = new Date()): Promise<OrgDataJobRun> {
    this.running ??= this.pass(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<OrgDataJobRun> {
    const expired = await this.exports.expire(now);
    const stale = await this.exports.stale(new Date(now.getTime() - EXPORT_STALE_MS));
    for (const { id } of stale)
      await this.exports.fail(
        id,
        'The export was interrupted (the server stopped); start a new one.',
      );
    for (const { id, organizationId } of [...expired, ...stale]) {
      this.live.entityChanged({
        coalitionId: null,
        type: 'org-export',
        id,
        action: 'updated',
        userIds: await this.exports.adminIds(organizationId),
      });
    }
    return {
      expired: expired.length,
      interrupted: stale.length,
      replacementsResumed: await this.removals.resumePending(),
      erasuresResumed: await this.erasures.resumePending(),
    };
  }
}
