import { Inject, Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ORG_EXPORT_FORMAT, ORG_EXPORT_FORMAT_VERSION } from '@coalesce/protocol';
import type { OrgExportManifest, OrgExportManifestCoalition } from '@coalesce/protocol';
import { LiveEvents } from '../../../core/realtime/live-events.js';
import { ORG_DATA_CONFIG } from '../org-data.config.js';
import type { OrgDataConfig } from '../org-data.config.js';
import { ExportArchive } from './export-archive.js';
import { ExportChunkSink } from './export-chunks.js';
import { OrgExportsRepository } from './org-exports.repository.js';
import { ORG_DATA_SECTIONS } from './sections/org-data-section.js';
import type { OrgDataSection, SectionContext } from './sections/org-data-section.js';

/** Progress is written (and pushed) when the percentage moves, and at most this often for a new step. */
const STEP_INTERVAL_MS = 250;

class ExportInterrupted extends Error {
  constructor() {
    super('The server stopped during the export; start a new one.');
  }
}

/**
 * Runs an export in the background of the node that accepted it: plans the work of every section
 * (organization-wide sections once, coalition sections per coalition), writes them into a streamed
 * ZIP, then the manifest. Progress (0–99 while writing, 100 when the file is stored) is written to
 * the job row and pushed to the organization's admins as `entity:changed` ('org-export').
 */
@Injectable()
export class OrgExportRunner implements BeforeApplicationShutdown {
  private readonly logger = new Logger('OrgExportRunner');
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: OrgExportsRepository,
    private readonly live: LiveEvents,
    @Inject(ORG_DATA_SECTIONS) private readonly sections: OrgDataSection[],
    @Inject(ORG_DATA_CONFIG) private readonly config: OrgDataConfig,
  ) {}

  /** Starts the export off the request; its outcome is recorded on the job row. */
  start(exportId: string): void {
    if (this.stopping || this.running.has(exportId)) return;
    const run = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.run(exportId))
      .catch((error: unknown) => this.logger.error({ err: error }, `export ${exportId} failed`))
      .finally(() => this.running.delete(exportId));
    this.running.set(exportId, run);
  }

  /** Lets running exports stop at their next step (marked failed) before the database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all(this.running.values());
  }

  /** Runs a queued export to the end (tests may await it). */
  async run(exportId: string): Promise<void> {
    const job = await this.repo.claim(exportId);
    if (!job) return;
    const admins = await this.repo.adminIds(job.organizationId);
    const announce = () =>
      this.live.entityChanged({
        coalitionId: null,
        type: 'org-export',
        id: exportId,
        action: 'updated',
        userIds: admins,
      });
    announce();
    try {
      await this.write(exportId, job.organizationId, job.createdBy, announce);
    } catch (error) {
      const message =
        error instanceof ExportInterrupted
          ? error.message
          : 'The export failed. Try again; if it fails again, tell your Coalesce operator.';
      if (!(error instanceof ExportInterrupted))
        this.logger.error({ err: error }, `export ${exportId} failed`);
      await this.repo.fail(exportId, message);
    }
    announce();
  }

  private async write(
    exportId: string,
    organizationId: string,
    createdBy: string | null,
    announce: () => void,
  ): Promise<void> {
    const organization = await this.repo.organization(organizationId);
    const coalitions = await this.repo.coalitionsOf(organizationId);
    const sink = new ExportChunkSink(this.db, exportId);
    const archive = new ExportArchive(sink);

    let total = 0;
    let done = 0;
    let lastPercent = -1;
    let lastStep: string | null = null;
    let lastAt = 0;
    const progress = async (units: number, step?: string) => {
      if (this.stopping) throw new ExportInterrupted();
      done += units;
      const percent = Math.min(99, Math.floor((done / Math.max(total, 1)) * 100));
      const nextStep = step ?? lastStep;
      const now = Date.now();
      if (percent === lastPercent && (nextStep === lastStep || now - lastAt < STEP_INTERVAL_MS))
        return;
      lastPercent = percent;
      lastStep = nextStep;
      lastAt = now;
      await this.repo.progress(exportId, percent, nextStep);
      announce();
    };
    const context = (coalition: SectionContext['coalition']): SectionContext => ({
      organization,
      coalition,
      archive,
      progress,
    });

    const plan: Array<{ section: OrgDataSection; ctx: SectionContext; size: number }> = [];
    for (const section of this.sections.filter((s) => s.scope === 'organization')) {
      const ctx = context(null);
      plan.push({ section, ctx, size: await section.size(ctx) });
    }
    for (const coalition of coalitions) {
      for (const section of this.sections.filter((s) => s.scope === 'coalition')) {
        const ctx = context(coalition);
        plan.push({ section, ctx, size: await section.size(ctx) });
      }
    }
    total = plan.reduce((n, p) => n + p.size, 0);

    const counts: Record<string, number> = {};
    const perCoalition = new Map<string, Record<string, number>>();
    for (const { section, ctx } of plan) {
      if (this.stopping) throw new ExportInterrupted();
      await progress(
        0,
        ctx.coalition ? `${section.label} of ${ctx.coalition.name}` : section.label,
      );
      const items = await section.write(ctx);
      const bucket = ctx.coalition
        ? (perCoalition.get(ctx.coalition.id) ??
          perCoalition.set(ctx.coalition.id, {}).get(ctx.coalition.id)!)
        : counts;
      bucket[section.key] = (bucket[section.key] ?? 0) + items;
    }

    const manifest: OrgExportManifest = {
      format: ORG_EXPORT_FORMAT,
      version: ORG_EXPORT_FORMAT_VERSION,
      exportId,
      organization,
      requestedBy: await this.repo.userName(createdBy),
      exportedAt: new Date().toISOString(),
      counts,
      coalitions: coalitions.map((c): OrgExportManifestCoalition => ({
        id: c.id,
        name: c.name,
        folder: c.folder,
        role: c.role,
        counts: perCoalition.get(c.id) ?? {},
      })),
      files: [...archive.files],
      contents: this.contents(),
    };
    await archive.addJson('manifest.json', manifest);
    const fileSize = await archive.finish();
    await this.repo.complete(exportId, {
      fileName: `coalesce-${organization.slug}-${new Date().toISOString().slice(0, 10)}.zip`,
      fileSize,
      parts: sink.parts,
      ttlHours: this.config.exportTtlHours,
    });
  }

  /** What each file pattern holds, from the sections (coalition files under their folder). */
  private contents(): Record<string, string> {
    const contents: Record<string, string> = {
      'manifest.json': 'This file: what was exported, when, by whom, counts, and every file.',
    };
    for (const section of this.sections) {
      for (const [pattern, text] of Object.entries(section.contents)) {
        contents[section.scope === 'coalition' ? `coalitions/<coalition>/${pattern}` : pattern] =
          text;
      }
    }
    return contents;
  }
}
