import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { AppError } from '../../core/errors/app-error.js';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { CollabMetrics } from './collab-metrics.js';
import { DocStore } from './doc-store.js';
import type { NewUpdate, StoredUpdate } from './doc-store.js';

interface Pending {
  update: NewUpdate;
  resolve: (stored: StoredUpdate) => void;
  reject: (error: unknown) => void;
}

export interface CommittedBatch {
  /** Fresh (non-duplicate) updates in seq order per document, with who and which socket sent each. */
  stored: Array<
    StoredUpdate & { update: Uint8Array; userId: string | null; origin: string | null }
  >;
}

/**
 * Group commit: updates that arrive while a transaction is being written (or within the commit
 * window) go into the next single transaction. Each caller's promise resolves only after COMMIT.
 */
@Injectable()
export class UpdateCommitter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateCommitter');
  private queue: Pending[] = [];
  /**
   * Batches being written. One at a time: a batch may hold updates admitted on top of the batch
   * before it, so it must not reach the database until that one has committed (or failed).
   */
  private flushing = 0;
  private static readonly MAX_IN_FLIGHT = 1;
  private timer: NodeJS.Timeout | null = null;
  private listeners: Array<(batch: CommittedBatch) => void> = [];
  private closed = false;
  /**
   * Per document, bumped whenever one of its batches fails. An update admitted under an older epoch
   * may build on what failed, so it is refused (the client resends) rather than stored.
   */
  private readonly epochs = new Map<string, number>();
  /** Counters for metrics and tests. */
  readonly stats = { batches: 0, updates: 0, duplicates: 0, failures: 0, largestBatch: 0 };

  constructor(
    private readonly store: DocStore,
    @Inject(COLLAB_CONFIG) private readonly config: CollabConfig,
    private readonly metrics: CollabMetrics,
  ) {}

  /** Called after every committed batch, before the callers' promises resolve. */
  onCommitted(listener: (batch: CommittedBatch) => void): void {
    this.listeners.push(listener);
  }

  /** The document's current failure epoch (see `commit`). */
  epoch(docId: string): number {
    return this.epochs.get(docId) ?? 0;
  }

  /**
   * Queues an update; resolves after COMMIT. `epoch`: the document's epoch when the update was
   * admitted; if a batch of the document failed since, the update is refused.
   */
  commit(update: NewUpdate, epoch = this.epoch(update.docId)): Promise<StoredUpdate> {
    if (this.closed)
      return Promise.reject(
        new AppError('UNAVAILABLE', 'The server is shutting down; send the update again.'),
      );
    if (epoch !== this.epoch(update.docId))
      return Promise.reject(
        new AppError('UNAVAILABLE', 'An earlier update could not be stored; send them again.'),
      );
    return new Promise<StoredUpdate>((resolve, reject) => {
      this.queue.push({ update, resolve, reject });
      this.schedule();
    });
  }

  /** Waits until everything queued so far is committed (used at shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushing > 0) await new Promise((r) => setTimeout(r, 5));
  }

  /**
   * Shutdown: refuses new updates (their senders keep them and resend after reconnecting) and
   * waits until everything already queued is committed, so each of those is acknowledged.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.drain();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  /**
   * Starts a batch now when the queue is full, else after the commit window (0: on the next turn of
   * the event loop). Updates arriving while batches are in flight wait for the next batch: that is
   * where group commit gathers them.
   */
  private schedule(): void {
    if (this.flushing >= UpdateCommitter.MAX_IN_FLIGHT || this.timer) return;
    if (this.queue.length >= this.config.commitMaxBatch) {
      void this.flush();
      return;
    }
    const run = () => {
      this.timer = null;
      void this.flush();
    };
    this.timer =
      this.config.commitWindowMs > 0
        ? setTimeout(run, this.config.commitWindowMs)
        : (setImmediate(run) as unknown as NodeJS.Timeout);
  }

  private async flush(): Promise<void> {
    if (this.flushing >= UpdateCommitter.MAX_IN_FLIGHT || !this.queue.length) return;
    this.flushing += 1;
    const batch = this.queue.splice(0, this.config.commitMaxBatch);
    const started = performance.now();
    try {
      const stored = await this.store.append(batch.map((p) => p.update));
      this.metrics.commitDuration.observe((performance.now() - started) / 1000);
      this.metrics.commitBatchSize.observe(batch.length);
      this.stats.batches += 1;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
      const fresh: CommittedBatch['stored'] = [];
      stored.forEach((s, i) => {
        if (s.duplicate) this.stats.duplicates += 1;
        else {
          this.stats.updates += 1;
          fresh.push({
            ...s,
            update: batch[i].update.update,
            userId: batch[i].update.userId,
            origin: batch[i].update.origin ?? null,
          });
        }
      });
      fresh.sort((a, b) => (a.docId === b.docId ? a.seq - b.seq : a.docId.localeCompare(b.docId)));
      for (const listener of this.listeners) {
        try {
          listener({ stored: fresh });
        } catch (error) {
          this.logger.error({ err: error }, 'commit listener failed');
        }
      }
      stored.forEach((s, i) => {
        // An update id is global: reused for another document it is a client bug, not a resend.
        if (s.duplicate && s.docId !== batch[i].update.docId) {
          batch[i].reject(
            new AppError(
              'CONFLICT',
              'This updateId was already used for another document; use a new id.',
            ),
          );
        } else batch[i].resolve(s);
      });
    } catch (error) {
      this.stats.failures += 1;
      this.metrics.commitFailures.inc();
      // Everything queued behind the batch for its documents may build on it: refused as well.
      const failed = new Set(batch.map((p) => p.update.docId));
      for (const docId of failed) {
        this.store.cache.delete(docId);
        this.epochs.set(docId, this.epoch(docId) + 1);
      }
      const behind = this.queue.filter((p) => failed.has(p.update.docId));
      this.queue = this.queue.filter((p) => !failed.has(p.update.docId));
      this.logger.warn(
        `group commit of ${batch.length} update(s) failed (${behind.length} queued behind refused): ${(error as Error).message}`,
      );
      for (const p of [...batch, ...behind]) p.reject(error);
    } finally {
      this.flushing -= 1;
      if (this.queue.length) this.schedule();
    }
  }
}
