import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { plainText, updateToProsemirrorJson } from '@coalesce/rich-text';
import { returningRows } from '../../core/database/returning-rows.js';
import { DocStore } from '../collab/doc-store.js';
import { UpdateCommitter } from '../collab/update-committer.js';
import { DocumentEvents } from './document-events.js';

/** A document's search text is refreshed once it has been quiet for this long... */
export const SEARCH_REFRESH_MS = 3000;
/** ...and at least this often while people keep typing in it. */
export const SEARCH_REFRESH_MAX_WAIT_MS = 60_000;
/** Content edits move updated_at / updated_by at most once per this many seconds per document. */
export const CONTENT_TOUCH_SECONDS = 60;

/**
 * Keeps documents' `search_text` (and, at most once a minute, updated_at/updated_by) in step with
 * their content, off the collaboration path: a commit only marks the document dirty; a debounced
 * timer per document reads the merged state once editing pauses for a few seconds (or once a
 * minute during continuous editing), extracts its text and writes it. Reading and decoding a whole
 * document is not free, so it never runs per update or every few seconds of steady typing (that
 * showed as latency spikes in the benchmark). Nothing here delays an update's ack. Each node
 * refreshes the documents committed on it.
 */
@Injectable()
export class DocumentContentIndexer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('DocumentContentIndexer');
  /** Dirty documents and the last user who changed each. */
  private readonly dirty = new Map<string, string | null>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** When each dirty document was first marked since its last refresh. */
  private readonly dirtySince = new Map<string, number>();
  private running: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    private readonly events: DocumentEvents,
    committer: UpdateCommitter,
  ) {
    committer.onCommitted(({ stored }) => {
      for (const s of stored) this.markDirty(s.docId, s.userId);
    });
  }

  markDirty(docId: string, userId: string | null): void {
    if (this.closed) return;
    this.dirty.set(docId, userId ?? this.dirty.get(docId) ?? null);
    const now = Date.now();
    const since = this.dirtySince.get(docId) ?? now;
    this.dirtySince.set(docId, since);
    const previous = this.timers.get(docId);
    if (previous) clearTimeout(previous);
    const delay = Math.max(
      0,
      Math.min(SEARCH_REFRESH_MS, since + SEARCH_REFRESH_MAX_WAIT_MS - now),
    );
    const timer = setTimeout(() => {
      this.timers.delete(docId);
      this.dirtySince.delete(docId);
      void this.enqueue([docId]);
    }, delay);
    timer.unref();
    this.timers.set(docId, timer);
  }

  /** Refreshes every dirty document now (tests, shutdown); resolves when written. */
  async flush(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.dirtySince.clear();
    await this.enqueue([...this.dirty.keys()]);
  }

  /** Writes the search text of one document from its stored state right away. */
  async refreshNow(docId: string): Promise<void> {
    await this.enqueue([docId], true);
  }

  /**
   * Documents edited before search existed (or while a node was down before its refresh) have no
   * search text yet: queue them, in the background, like any edit.
   */
  onApplicationBootstrap(): void {
    void this.db
      .query(
        `SELECT d.id FROM documents d JOIN doc_heads h ON h.doc_id = d.id
          WHERE d.search_text = '' AND d.deleted_at IS NULL AND h.head_seq > 0
          LIMIT 1000`,
      )
      .then((rows: Array<{ id: string }>) => {
        for (const { id } of rows) this.markDirty(id, null);
      })
      .catch((error: unknown) =>
        this.logger.warn(`search text backfill not queued: ${(error as Error).message}`),
      );
  }

  /** Before the database closes: write what is pending, then take no more. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.flush().catch(() => undefined);
    this.closed = true;
  }

  /** One refresh at a time, so the database sees a trickle, never a burst. */
  private enqueue(docIds: string[], force = false): Promise<void> {
    const run = this.running.then(async () => {
      for (const docId of docIds) {
        if (!force && !this.dirty.has(docId)) continue;
        const userId = this.dirty.get(docId) ?? null;
        this.dirty.delete(docId);
        try {
          await this.refresh(docId, userId);
        } catch (error) {
          this.logger.warn(`search text of ${docId} not refreshed: ${(error as Error).message}`);
        }
      }
    });
    this.running = run.catch(() => undefined);
    return run;
  }

  private async refresh(docId: string, userId: string | null): Promise<void> {
    const { state } = await this.store.load(docId);
    const text = plainText(updateToProsemirrorJson(state));
    await this.db.query('UPDATE documents SET search_text = $2 WHERE id = $1', [docId, text]);
    if (!userId) return;
    const touched: Array<{ coalition_id: string }> = await this.db
      .query(
        `UPDATE documents SET updated_at = now(), updated_by_user_id = $2
          WHERE id = $1 AND deleted_at IS NULL
            AND updated_at < now() - make_interval(secs => $3)
          RETURNING coalition_id`,
        [docId, userId, CONTENT_TOUCH_SECONDS],
      )
      .then(returningRows<{ coalition_id: string }>);
    if (touched[0]) await this.events.announce(touched[0].coalition_id, docId, 'updated');
  }
}
