import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { DocStore } from './doc-store.js';
import type { NewUpdate, StoredUpdate } from './doc-store.js';

interface Pending {
  update: NewUpdate;
  resolve: (stored: StoredUpdate) => void;
  reject: (error: unknown) => void;
}

export interface CommittedBatch {
  /** Fresh (non-duplicate) updates in seq order per document. */
  stored: Array<StoredUpdate & { update: Uint8Array }>;
}

/**
 * Group commit: updates that arrive while a transaction is being written (or within the commit
 * window) go into the next single transaction. Each caller's promise resolves only after COMMIT.
 */
@Injectable()
export class UpdateCommitter implements OnApplicationShutdown {
  private readonly logger = new Logger('UpdateCommitter');
  private queue: Pending[] = [];
  private flushing = false;
  private timer: NodeJS.Timeout | null = null;
  private listeners: Array<(batch: CommittedBatch) => void> = [];
  private closed = false;
  /** Counters for metrics and tests. */
  readonly stats = { batches: 0, updates: 0, duplicates: 0, failures: 0, largestBatch: 0 };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    @Inject(COLLAB_CONFIG) private readonly config: CollabConfig,
  ) {}

  /** Called after every committed batch, before the callers' promises resolve. */
  onCommitted(listener: (batch: CommittedBatch) => void): void {
    this.listeners.push(listener);
  }

  commit(update: NewUpdate): Promise<StoredUpdate> {
    if (this.closed) return Promise.reject(new Error('The server is shutting down'));
    return new Promise<StoredUpdate>((resolve, reject) => {
      this.queue.push({ update, resolve, reject });
      this.schedule();
    });
  }

  /** Waits until everything queued so far is committed (used at shutdown). */
  async drain(): Promise<void> {
    while (this.queue.length || this.flushing) await new Promise((r) => setTimeout(r, 5));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.drain();
    this.closed = true;
  }

  private schedule(): void {
    if (this.flushing || this.timer) return;
    if (this.queue.length >= this.config.commitMaxBatch) {
      void this.flush();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, this.config.commitWindowMs);
  }

  private async flush(): Promise<void> {
    if (this.flushing || !this.queue.length) return;
    this.flushing = true;
    const batch = this.queue.splice(0, this.config.commitMaxBatch);
    try {
      const stored = await this.db.transaction((m) =>
        this.store.append(
          m,
          batch.map((p) => p.update),
        ),
      );
      this.stats.batches += 1;
      this.stats.largestBatch = Math.max(this.stats.largestBatch, batch.length);
      const fresh: CommittedBatch['stored'] = [];
      stored.forEach((s, i) => {
        if (s.duplicate) this.stats.duplicates += 1;
        else {
          this.stats.updates += 1;
          fresh.push({ ...s, update: batch[i].update.update });
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
      stored.forEach((s, i) => batch[i].resolve(s));
    } catch (error) {
      this.stats.failures += 1;
      for (const p of batch) this.store.cache.delete(p.update.docId);
      this.logger.warn(
        `group commit of ${batch.length} update(s) failed: ${(error as Error).message}`,
      );
      for (const p of batch) p.reject(error);
    } finally {
      this.flushing = false;
      if (this.queue.length) this.schedule();
    }
  }
}
