import { Injectable } from '@nestjs/common';
import { AppError } from '../../core/errors/app-error.js';
import { DocStore } from './doc-store.js';
import type { StoredUpdate } from './doc-store.js';
import { UpdateCommitter } from './update-committer.js';
import {
  assertReferencesKnown,
  assertValidUpdate,
  trimKnown,
  updateMeta,
} from './update-validation.js';

interface Accepted {
  /** State vector of the committed state plus every update accepted and not yet committed. */
  sv: Map<number, number>;
  inFlight: number;
  /** The committer's failure epoch of the document these were accepted under. */
  epoch: number;
}

export type Admission =
  { known: true } | { known: false; fresh: Uint8Array; commit: Promise<StoredUpdate> };

/**
 * Decides, in arrival order per document, whether an update may enter the group commit: trims what
 * the server already has (committed or already queued), and refuses gaps and dangling references.
 * When the check fails because this node's view is stale (another node committed meanwhile), the
 * state is re-read from PostgreSQL once before refusing.
 */
@Injectable()
export class UpdateAdmission {
  private readonly accepted = new Map<string, Accepted>();
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: DocStore,
    private readonly committer: UpdateCommitter,
  ) {}

  /**
   * `check` runs first (e.g. the permission check), inside the document's ordered section.
   * `origin`: the sending socket (its own update is not broadcast back to it).
   */
  admit(
    docId: string,
    update: Uint8Array,
    updateId: string,
    userId: string,
    check: () => Promise<void>,
    origin: string | null = null,
  ): Promise<Admission> {
    return this.inOrder(docId, async () => {
      await check();
      const epoch = this.committer.epoch(docId);
      let fresh: Uint8Array | null;
      let sv: Map<number, number>;
      try {
        ({ fresh, sv } = await this.trim(docId, update, epoch));
        if (fresh) assertReferencesKnown(fresh, sv);
      } catch (error) {
        if (
          !(error instanceof AppError) ||
          !['OUT_OF_ORDER', 'INVALID_UPDATE'].includes(error.code)
        )
          throw error;
        await this.store.refresh(docId);
        ({ fresh, sv } = await this.trim(docId, update, epoch));
        if (fresh) assertReferencesKnown(fresh, sv);
      }
      if (!fresh) return { known: true as const };
      if (fresh !== update) assertValidUpdate(fresh);
      return {
        known: false as const,
        fresh,
        commit: this.enqueue(docId, fresh, sv, { updateId, userId, origin }, epoch),
      };
    });
  }

  private async trim(
    docId: string,
    update: Uint8Array,
    epoch: number,
  ): Promise<{ fresh: Uint8Array | null; sv: Map<number, number> }> {
    const committed = await this.store.stateVector(docId);
    // What was accepted before a failed batch of the document does not count (it was refused).
    const entry = this.accepted.get(docId);
    const queued = entry?.epoch === epoch ? entry.sv : undefined;
    // Read-only from here on (callers copy before changing it): no copy when nothing is queued.
    let sv = committed;
    if (queued) {
      sv = new Map(committed);
      for (const [client, clock] of queued) sv.set(client, Math.max(sv.get(client) ?? 0, clock));
    }
    return { fresh: trimKnown(update, sv), sv };
  }

  private enqueue(
    docId: string,
    fresh: Uint8Array,
    sv: Map<number, number>,
    meta: { updateId: string; userId: string; origin: string | null },
    epoch: number,
  ): Promise<StoredUpdate> {
    const next = new Map(sv);
    const { from, to } = updateMeta(fresh);
    for (const [client, start] of from)
      if (start <= (next.get(client) ?? 0)) next.set(client, to.get(client) ?? start);
    const current = this.accepted.get(docId);
    const entry = current?.epoch === epoch ? current : { sv: next, inFlight: 0, epoch };
    entry.sv = next;
    entry.inFlight += 1;
    this.accepted.set(docId, entry);
    const settle = (failed: boolean) => {
      entry.inFlight -= 1;
      if (this.accepted.get(docId) !== entry) return;
      // A failed commit rejects the whole queue, so nothing accepted on top of it survives.
      if (failed || entry.inFlight === 0) this.accepted.delete(docId);
    };
    const commit = this.committer.commit({ docId, update: fresh, ...meta }, epoch);
    commit.then(
      () => settle(false),
      () => settle(true),
    );
    return commit;
  }

  /** Runs `task` after the previous task of the same document has finished. */
  private inOrder<T>(docId: string, task: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(docId) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    this.chains.set(docId, tail);
    void tail.then(() => {
      if (this.chains.get(docId) === tail) this.chains.delete(docId);
    });
    return run;
  }
}
