import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { COLLAB_CONFIG } from './collab.config.js';
import { VersionsService } from './versions.service.js';
import type { CollabConfig } from './collab.config.js';

/**
 * Off the request path: folds long update logs into the document's snapshot, and writes automatic
 * checkpoints. Work is claimed with FOR UPDATE SKIP LOCKED, so several nodes never compact the same
 * document at once, and writers are never blocked by it.
 */
@Injectable()
export class CompactionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Compaction');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly stats = { compactions: 0, updatesFolded: 0, checkpoints: 0, backlog: 0 };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(COLLAB_CONFIG) private readonly config: CollabConfig,
    private readonly versions: VersionsService,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.compactionIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.compactionIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass: compact every document over the thresholds, then write due checkpoints. */
  runOnce(): Promise<void> {
    this.running ??= this.pass().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<void> {
    try {
      const due: Array<{ doc_id: string }> = await this.db.query(
        `SELECT doc_id FROM doc_heads WHERE pending_count >= $1 OR pending_bytes >= $2
          ORDER BY pending_count DESC LIMIT 50`,
        [this.config.compactAfterUpdates, this.config.compactAfterBytes],
      );
      this.stats.backlog = due.length;
      for (const { doc_id } of due) await this.compact(doc_id);
      await this.checkpoints();
    } catch (error) {
      this.logger.warn(`compaction pass failed: ${(error as Error).message}`);
    }
  }

  /** Merges the document's log into its snapshot and deletes the merged updates, in one transaction. */
  async compact(docId: string): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const claimed: Array<{ state: Buffer; upto_seq: string }> = await m.query(
        'SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1 FOR UPDATE SKIP LOCKED',
        [docId],
      );
      if (!claimed.length) return false;
      const upto = Number(claimed[0].upto_seq);
      const rows: Array<{ seq: string; update: Buffer }> = await m.query(
        'SELECT seq, update FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq LIMIT 20000',
        [docId, upto],
      );
      if (!rows.length) return false;
      const last = Number(rows[rows.length - 1].seq);
      const bytes = rows.reduce((n, r) => n + r.update.byteLength, 0);
      const state = Y.mergeUpdates([
        new Uint8Array(claimed[0].state),
        ...rows.map((r) => new Uint8Array(r.update)),
      ]);
      await m.query(
        'UPDATE doc_snapshots SET state = $2, upto_seq = $3, compacted_at = now() WHERE doc_id = $1',
        [docId, Buffer.from(state), last],
      );
      await m.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq > $2 AND seq <= $3', [
        docId,
        upto,
        last,
      ]);
      await m.query(
        'UPDATE doc_heads SET pending_count = GREATEST(pending_count - $2, 0), pending_bytes = GREATEST(pending_bytes - $3, 0) WHERE doc_id = $1',
        [docId, rows.length, bytes],
      );
      this.stats.compactions += 1;
      this.stats.updatesFolded += rows.length;
      return true;
    });
  }

  /** At most one automatic checkpoint per document per `checkpointMinutes` of editing. */
  private async checkpoints(): Promise<void> {
    const due: Array<{ doc_id: string }> = await this.db.query(
      `SELECT h.doc_id FROM doc_heads h
        WHERE h.head_seq > 0
          AND h.updated_at > now() - $1::interval
          AND h.head_seq > COALESCE((SELECT max(v.seq) FROM doc_versions v WHERE v.doc_id = h.doc_id), 0)
          AND NOT EXISTS (SELECT 1 FROM doc_versions v WHERE v.doc_id = h.doc_id AND v.kind = 'checkpoint'
                            AND v.created_at > now() - $2::interval)
        LIMIT 50`,
      [`${this.config.checkpointMinutes * 2} minutes`, `${this.config.checkpointMinutes} minutes`],
    );
    for (const { doc_id } of due) {
      await this.versions.checkpoint(doc_id);
      this.stats.checkpoints += 1;
    }
  }
}
