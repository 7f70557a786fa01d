import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Lifecycle } from '../../core/lifecycle/lifecycle.service.js';
import { COLLAB_CONFIG } from './collab.config.js';
import { CollabMetrics } from './collab-metrics.js';
import { DocClients } from './doc-clients.js';
import { MergeThread } from './merge-thread.js';
import { UpdateCommitter } from './update-committer.js';
import type { CommittedBatch } from './update-committer.js';
import { VersionsService } from './versions.service.js';
import type { CollabConfig } from './collab.config.js';

/**
 * Off the request path: folds long update logs into the document's snapshot (recording first which
 * user wrote under which Yjs client id, in doc_clients), and writes automatic checkpoints. Work is claimed with FOR UPDATE SKIP LOCKED, so several nodes never compact the same
 * document at once, and writers are never blocked by it.
 *
 * Besides the periodic pass, a pass starts right after a commit takes a document's log past another
 * multiple of the update threshold, and a graceful shutdown (a step after the last group commit)
 * folds every log of at least `compactOnShutdownAfterUpdates` updates (time-bounded), so a restarted
 * process loads snapshots instead of merging logs.
 */
@Injectable()
export class CompactionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Compaction');
  private timer: NodeJS.Timeout | null = null;
  private soonTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  readonly stats = { compactions: 0, updatesFolded: 0, checkpoints: 0, backlog: 0 };
  private static readonly SHUTDOWN_BUDGET_MS = 3000;
  /**
   * A compaction re-merges the whole snapshot, so a log is folded by count only once it holds at
   * least 1/SNAPSHOT_FRACTION of the snapshot's bytes: the work stays proportional to what is
   * written (a 4 MB document is not re-merged every 500 small updates), and an open never merges
   * a log much bigger than that. Past MAX_FOLD updates (what one compaction folds) it always runs.
   */
  private static readonly SNAPSHOT_FRACTION = 8;
  private static readonly MAX_FOLD = 20_000;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(COLLAB_CONFIG) private readonly config: CollabConfig,
    private readonly versions: VersionsService,
    private readonly clients: DocClients,
    committer: UpdateCommitter,
    private readonly metrics: CollabMetrics,
    private readonly merger: MergeThread,
    lifecycle: Lifecycle,
  ) {
    committer.onCommitted((batch) => this.afterCommit(batch));
    lifecycle.addShutdownStep({
      name: 'collab: compact the logs written in this session',
      order: 300,
      run: () => this.compactForShutdown(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.config.compactionIntervalMs <= 0) return;
    this.timer = setInterval(() => void this.runOnce(), this.config.compactionIntervalMs);
    this.timer.unref();
  }

  /** After the last commit, before the database closes: stop the timers, fold long logs. */
  private async compactForShutdown(): Promise<void> {
    const enabled = this.timer !== null;
    this.stop();
    await this.running;
    if (!enabled || this.config.compactOnShutdownAfterUpdates <= 0) return;
    const deadline = Date.now() + CompactionService.SHUTDOWN_BUDGET_MS;
    try {
      const due: Array<{ doc_id: string }> = await this.db.query(
        `SELECT doc_id FROM doc_heads WHERE pending_count >= $1
          ORDER BY pending_count DESC LIMIT 50`,
        [this.config.compactOnShutdownAfterUpdates],
      );
      for (const { doc_id } of due) {
        if (Date.now() > deadline) break;
        await this.compact(doc_id);
      }
    } catch (error) {
      this.logger.warn(`compaction at shutdown failed: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stop();
    await this.running;
  }

  private stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soonTimer) clearTimeout(this.soonTimer);
    this.timer = null;
    this.soonTimer = null;
  }

  /** A commit that takes a log past another multiple of the threshold starts a pass now. */
  private afterCommit({ stored }: CommittedBatch): void {
    if (this.stopped || this.timer === null || this.soonTimer) return;
    const every = this.config.compactAfterUpdates;
    let crossed = false;
    for (let i = 0; i < stored.length && !crossed; i++) {
      const last = i + 1 === stored.length || stored[i + 1].docId !== stored[i].docId;
      if (!last) continue;
      let first = i;
      while (first > 0 && stored[first - 1].docId === stored[i].docId) first--;
      crossed = Math.floor(stored[i].seq / every) > Math.floor((stored[first].seq - 1) / every);
    }
    if (!crossed) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = null;
      if (!this.stopped) void this.runOnce();
    }, 0);
    this.soonTimer.unref();
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
      // `backlog`: how many documents are due in all (the pass takes at most 50 of them).
      const due: Array<{ doc_id: string; backlog: string }> = await this.db.query(
        `SELECT h.doc_id, count(*) OVER () AS backlog
           FROM doc_heads h JOIN doc_snapshots s ON s.doc_id = h.doc_id
          WHERE (h.pending_count >= $1 AND h.pending_bytes * $3 >= octet_length(s.state))
             OR h.pending_bytes >= $2 OR h.pending_count >= $4
          ORDER BY h.pending_count DESC LIMIT 50`,
        [
          this.config.compactAfterUpdates,
          this.config.compactAfterBytes,
          CompactionService.SNAPSHOT_FRACTION,
          CompactionService.MAX_FOLD,
        ],
      );
      this.stats.backlog = due.length ? Number(due[0].backlog) : 0;
      this.metrics.compactionBacklog.set(this.stats.backlog);
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
      const rows: Array<{
        seq: string;
        update: Buffer;
        user_id: string | null;
        update_id: string;
      }> = await m.query(
        'SELECT seq, update, user_id, update_id FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [docId, upto, CompactionService.MAX_FOLD],
      );
      if (!rows.length) return false;
      const last = Number(rows[rows.length - 1].seq);
      const bytes = rows.reduce((n, r) => n + r.update.byteLength, 0);
      // On the merge thread: the event loop keeps serving sockets meanwhile.
      const { state, stateVector } = await this.merger.merge(
        new Uint8Array(claimed[0].state),
        rows.map((r) => new Uint8Array(r.update)),
      );
      await m.query(
        'UPDATE doc_snapshots SET state = $2, upto_seq = $3, state_vector = $4, compacted_at = now() WHERE doc_id = $1',
        [docId, Buffer.from(state), last, Buffer.from(stateVector)],
      );
      // Who wrote what survives the rows that carried it (see DocClients).
      await this.clients.record(
        m,
        docId,
        rows.map((r) => ({ ...r, update: new Uint8Array(r.update) })),
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
      this.metrics.compactions.inc();
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
