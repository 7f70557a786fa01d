import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { AppError } from '../../core/errors/app-error.js';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { CollabMetrics } from './collab-metrics.js';
import { DocStore, PredecessorNotCommitted } from './doc-store.js';
import type { BuildsOn, NewUpdate, StoredUpdate } from './doc-store.js';

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
 * Group commit: updates that arrive while transactions are being written (or within the commit
 * window) go into the next single transaction. Up to `commitsInFlight` batches are written at once
 * (pipelining: a batch need not wait for the round trip of the one before). Each caller's promise
 * resolves only after COMMIT, and batches are handled in the order they were sent.
 */
@Injectable()
export class UpdateCommitter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateCommitter');
  private queue: Pending[] = [];
  /** Batches sent and not yet handled (at most `commitsInFlight`). */
  private inFlight = 0;
  /** Per document, the newest in-flight batch that holds it (what the next batch builds on). */
  private readonly lastBatchOf = new Map<string, InFlightBatch>();
  /** Results are handled (listeners, acks) in the order the batches were sent. */
  private handled: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private listeners: Array<(batch: CommittedBatch) => void> = [];
  private closed = false;
  /**
   * Per document, bumped whenever one of its batches fails. An update admitted under an older epoch
   * may build on what failed, so it is refused (the client resends) rather than stored.
   */
  private readonly epochs = new Map<string, number>();
  /** Counters for metrics and tests. */
  readonly stats = {
    batches: 0,
    updates: 0,
    duplicates: 0,
    failures: 0,
    largestBatch: 0,
    /** Batches sent while one they build on was still being committed. */
    pipelined: 0,
  };

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
    while (this.queue.length || this.inFlight > 0) await new Promise((r) => setTimeout(r, 5));
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
   * the event loop). While the most batches are in flight, updates wait for the next batch: that is
   * where group commit gathers them.
   */
  private schedule(): void {
    if (this.inFlight >= this.config.commitsInFlight || this.timer) return;
    if (this.queue.length >= this.config.commitMaxBatch) {
      this.flush();
      return;
    }
    const run = () => {
      this.timer = null;
      this.flush();
    };
    this.timer =
      this.config.commitWindowMs > 0
        ? setTimeout(run, this.config.commitWindowMs)
        : (setImmediate(run) as unknown as NodeJS.Timeout);
  }

  /**
   * Sends the next batch. It may go while earlier batches are still being committed (pipelining):
   * for each document an earlier in-flight batch holds, it names that batch, and the database
   * refuses it if that batch did not commit. Results are handled in the order batches were sent.
   */
  private flush(): void {
    if (this.inFlight >= this.config.commitsInFlight || !this.queue.length) return;
    this.inFlight += 1;
    const batch = this.queue.splice(0, this.config.commitMaxBatch);
    const id = newBatchId();
    const after = new Map<string, BuildsOn>();
    const predecessors = new Set<InFlightBatch>();
    for (const { update } of batch) {
      const before = this.lastBatchOf.get(update.docId);
      if (before && !after.has(update.docId)) {
        after.set(update.docId, { batch: before.id, updateIds: before.updateIds(update.docId) });
        predecessors.add(before);
      }
    }
    if (after.size) this.stats.pipelined += 1;
    let settle: (committed: boolean) => void = () => undefined;
    const self: InFlightBatch = {
      id,
      committed: new Promise((r) => (settle = r)),
      updateIds: (docId) =>
        batch.filter((p) => p.update.docId === docId).map((p) => p.update.updateId),
    };
    for (const { update } of batch) this.lastBatchOf.set(update.docId, self);
    const started = performance.now();
    const written = this.write(
      batch.map((p) => p.update),
      id,
      after,
      predecessors,
    );
    written.then(
      () => settle(true),
      () => settle(false),
    );
    this.handled = this.handled
      .then(() => written)
      .then(
        (stored) => this.committed(batch, stored, started),
        (error: unknown) => this.failed(batch, error),
      )
      .catch((error: unknown) => this.logger.error({ err: error }, 'group commit handling failed'))
      .finally(() => {
        this.inFlight -= 1;
        for (const { update } of batch)
          if (this.lastBatchOf.get(update.docId) === self) this.lastBatchOf.delete(update.docId);
        if (this.queue.length) this.schedule();
      });
  }

  /**
   * Writes a batch. Refused because a batch it builds on had not committed yet when it arrived (it
   * can overtake one on another connection): once those are settled, it is written again if they
   * all committed, else it fails too.
   */
  private async write(
    updates: NewUpdate[],
    id: bigint,
    after: Map<string, BuildsOn>,
    predecessors: Set<InFlightBatch>,
  ): Promise<StoredUpdate[]> {
    try {
      return await this.store.append(updates, id, after);
    } catch (error) {
      if (!(error instanceof PredecessorNotCommitted)) throw error;
      const outcomes = await Promise.all([...predecessors].map((p) => p.committed));
      if (!outcomes.every(Boolean)) throw error;
      return this.store.append(updates, id);
    }
  }

  private committed(batch: Pending[], stored: StoredUpdate[], started: number): void {
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
  }

  private failed(batch: Pending[], error: unknown): void {
    this.stats.failures += 1;
    this.metrics.commitFailures.inc();
    // Everything queued behind the batch for its documents may build on it: refused as well.
    // (A later batch already in flight for them is refused by the database: see `flush`.)
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
    const refusal =
      error instanceof PredecessorNotCommitted
        ? new AppError('UNAVAILABLE', 'An earlier update could not be stored; send them again.')
        : error;
    for (const p of [...batch, ...behind]) p.reject(refusal);
  }
}

interface InFlightBatch {
  id: bigint;
  /** The ids of its updates of a document. */
  updateIds: (docId: string) => string[];
  /** Resolves true once it committed, false if it failed. */
  committed: Promise<boolean>;
}

/** A random positive 62-bit id: batches of every node write it on the head rows they touch. */
function newBatchId(): bigint {
  return randomBytes(8).readBigUInt64BE() >> 2n;
}
