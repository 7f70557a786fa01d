import * as Y from 'yjs';
import type { CollabAck, CollabError, UpdateResult } from '@coalesce/protocol';
import { backoffDelay } from './backoff.js';
import { isRetryable } from './errors.js';
import type { DocStats } from './types.js';
import { createUpdateId } from './update-id.js';

/** One local change waiting for its acknowledgement. */
export interface OutboxEntry {
  readonly updateId: string;
  readonly update: Uint8Array;
  /** Sent at least once: its updateId may be stored server-side, so it is never merged again. */
  sent: boolean;
  inFlight: boolean;
  /** Error acks received so far (for the backoff). */
  attempts: number;
}

export interface OutboxOptions {
  /** Entries in flight at once (pipelining). */
  maxInFlight: number;
  /** Largest update the server accepts; bigger entries are dropped with PAYLOAD_TOO_LARGE. */
  maxUpdateBytes: number;
  /** Merging stops before a merged entry would exceed this many bytes. */
  mergeLimitBytes: number;
  /** Unsent entries are merged right away once there are this many (keeps memory flat offline). */
  compactAfter: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Error acks with a code that is neither retryable nor permanent (INTERNAL, ...) before dropping. */
  maxUnknownErrorAttempts: number;
}

export interface OutboxPort {
  /** Sends one doc:update and resolves with its ack (a timeout or disconnect resolves UNAVAILABLE). */
  send(updateId: string, update: Uint8Array): Promise<CollabAck<UpdateResult>>;
  /** Connected, opened on this connection, not revoked. */
  canSend(): boolean;
  /** An entry was committed with this seq. */
  onCommitted(seq: number): void;
  /** An entry was refused for good and dropped. */
  onRejected(error: CollabError): void;
  /** The server says the document is not open on this socket (DOC_NOT_OPEN): open it again. */
  onNotOpen(): void;
  /**
   * OUT_OF_ORDER for the oldest entry: the server lacks earlier changes that are not in the outbox
   * (e.g. an entry was dropped). The owner should prepend what the server is missing, or stall.
   */
  onMissingBase(): void;
  /** The number of entries changed. */
  onChange(): void;
}

const PERMANENT = new Set([
  'INVALID_UPDATE',
  'FORBIDDEN',
  'PAYLOAD_TOO_LARGE',
  'VALIDATION_FAILED',
  'NOT_FOUND',
]);

/**
 * Every local Y.Doc update waits here, with its updateId, until the server acknowledges it.
 *
 * - Sends in order, up to `maxInFlight` at once.
 * - Entries never sent are merged (Y.mergeUpdates, new updateId) when they are sent, so a burst of
 *   keystrokes behind a full pipeline leaves as one message. Sent entries keep their updateId forever.
 * - `reset()` (on disconnect) puts in-flight entries back; they are resent after re-open with the same
 *   updateId, which the server de-duplicates. Acks of an older generation are ignored, except `ok`
 *   (a commit is a commit).
 * - RATE_LIMITED/UNAVAILABLE pause the whole outbox with backoff; INVALID_UPDATE, FORBIDDEN,
 *   PAYLOAD_TOO_LARGE drop the entry and report it (never loop).
 * - OUT_OF_ORDER (the server takes each client's changes only in sequence): an entry behind an
 *   earlier unacknowledged one goes again once the entries in flight are answered; for the oldest
 *   entry the owner is told (`onMissingBase`) and decides (prepend the missing changes, or `stall()`).
 */
export class Outbox {
  private entries: OutboxEntry[] = [];
  private generation = 0;
  private pausedUntil = 0;
  private pauseTimer: ReturnType<typeof setTimeout> | null = null;
  private flushScheduled = false;
  private disposed = false;
  private stalled = false;
  /** After OUT_OF_ORDER behind in-flight entries: send nothing until those are answered. */
  private waitForInFlight = false;

  constructor(
    private readonly port: OutboxPort,
    private readonly options: OutboxOptions,
    private readonly stats: DocStats,
  ) {}

  get length(): number {
    return this.entries.length;
  }

  get inFlight(): number {
    let count = 0;
    for (const entry of this.entries) if (entry.inFlight) count++;
    return count;
  }

  /** The updates still waiting (for coverage checks on re-open). */
  updates(): Uint8Array[] {
    return this.entries.map((entry) => entry.update);
  }

  /** A snapshot of the entries (tests, diagnostics). */
  snapshot(): ReadonlyArray<Readonly<OutboxEntry>> {
    return this.entries.map((entry) => ({ ...entry }));
  }

  enqueue(update: Uint8Array): void {
    if (this.disposed) return;
    this.entries.push({
      updateId: createUpdateId(),
      update,
      sent: false,
      inFlight: false,
      attempts: 0,
    });
    this.compactIfLong();
    this.port.onChange();
    this.scheduleFlush();
  }

  /** Flushes on the next microtask, so updates of one tick leave merged. */
  scheduleFlush(): void {
    if (this.flushScheduled || this.disposed) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (this.disposed || this.stalled || !this.port.canSend()) return;
    const wait = this.pausedUntil - Date.now();
    if (wait > 0) {
      this.pauseTimer ??= setTimeout(() => {
        this.pauseTimer = null;
        this.flush();
      }, wait);
      return;
    }
    let inFlight = this.inFlight;
    if (this.waitForInFlight) {
      if (inFlight > 0) return;
      this.waitForInFlight = false;
    }
    while (inFlight < this.options.maxInFlight) {
      const index = this.entries.findIndex((entry) => !entry.inFlight);
      if (index < 0) break;
      if (!this.entries[index].sent) this.mergeUnsentFrom(index);
      const entry = this.entries[index];
      if (entry.update.byteLength > this.options.maxUpdateBytes) {
        this.drop(entry, {
          code: 'PAYLOAD_TOO_LARGE',
          message: `Update of ${entry.update.byteLength} bytes exceeds ${this.options.maxUpdateBytes}.`,
        });
        continue;
      }
      this.sendEntry(entry);
      inFlight++;
    }
  }

  /** Puts an update in front of every entry (what the server is missing, after OUT_OF_ORDER). */
  prepend(update: Uint8Array): void {
    if (this.disposed) return;
    const first = this.entries.findIndex((entry) => !entry.inFlight);
    const at = first < 0 ? this.entries.length : first;
    this.entries.splice(at, 0, {
      updateId: createUpdateId(),
      update,
      sent: false,
      inFlight: false,
      attempts: 0,
    });
    this.port.onChange();
    this.scheduleFlush();
  }

  /** Stops sending for good (until `resume()`): the server cannot take these entries. */
  stall(): void {
    this.stalled = true;
    this.clearPause();
  }

  resume(): void {
    this.stalled = false;
    this.scheduleFlush();
  }

  /** On disconnect: everything in flight goes back, to be resent with the same updateId. */
  reset(): void {
    this.generation++;
    this.waitForInFlight = false;
    for (const entry of this.entries) entry.inFlight = false;
    this.clearPause();
  }

  /** Drops every entry (read-only role); returns how many. */
  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    this.generation++;
    if (count > 0) this.port.onChange();
    return count;
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.clearPause();
  }

  private sendEntry(entry: OutboxEntry): void {
    const generation = this.generation;
    if (entry.sent) this.stats.resent++;
    entry.sent = true;
    entry.inFlight = true;
    this.stats.sent++;
    this.port.send(entry.updateId, entry.update).then(
      (ack) => this.onAck(entry, generation, ack),
      (error: unknown) =>
        this.onAck(entry, generation, {
          ok: false,
          error: { code: 'INTERNAL', message: String(error) },
        }),
    );
  }

  private onAck(entry: OutboxEntry, generation: number, ack: CollabAck<UpdateResult>): void {
    if (this.disposed) return;
    if (ack.ok) {
      const index = this.entries.indexOf(entry);
      if (index >= 0) {
        this.entries.splice(index, 1);
        this.stats.acked++;
        this.port.onChange();
      }
      if (typeof ack.seq === 'number') this.port.onCommitted(ack.seq);
      this.flush();
      return;
    }
    // A failure from an older connection says nothing: the entry is resent on this one anyway.
    if (generation !== this.generation || !this.entries.includes(entry)) return;
    entry.inFlight = false;
    entry.attempts++;
    const { code } = ack.error;
    if (code === 'DOC_NOT_OPEN') {
      this.pause(entry.attempts);
      this.port.onNotOpen();
    } else if (code === 'OUT_OF_ORDER' && this.entries.indexOf(entry) > 0) {
      // Not this entry's fault: the server has not taken an earlier one yet. Let the pipeline drain
      // (resending at once could race the earlier entry's commit over and over), then go again.
      entry.attempts--;
      this.waitForInFlight = true;
      this.flush();
    } else if (code === 'OUT_OF_ORDER') {
      this.pause(entry.attempts);
      this.port.onMissingBase();
    } else if (PERMANENT.has(code)) {
      this.drop(entry, ack.error);
      this.flush();
    } else if (isRetryable(code) || entry.attempts < this.options.maxUnknownErrorAttempts) {
      this.stats.retried++;
      this.pause(entry.attempts);
      this.flush();
    } else {
      this.drop(entry, ack.error);
      this.flush();
    }
  }

  private drop(entry: OutboxEntry, error: CollabError): void {
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.entries.splice(index, 1);
    this.stats.dropped++;
    this.port.onChange();
    this.port.onRejected(error);
  }

  private pause(attempts: number): void {
    const delay = backoffDelay(attempts - 1, this.options.retryBaseMs, this.options.retryMaxMs);
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delay);
  }

  private clearPause(): void {
    this.pausedUntil = 0;
    if (this.pauseTimer) clearTimeout(this.pauseTimer);
    this.pauseTimer = null;
  }

  /**
   * Replaces the unsent entries from `index` on (they always form the tail: sending is in order)
   * with one merged entry, up to `mergeLimitBytes`.
   */
  private mergeUnsentFrom(index: number): boolean {
    let end = index + 1;
    let bytes = this.entries[index].update.byteLength;
    while (end < this.entries.length && !this.entries[end].sent) {
      const next = this.entries[end].update.byteLength;
      if (bytes + next > this.options.mergeLimitBytes) break;
      bytes += next;
      end++;
    }
    const count = end - index;
    if (count < 2) return false;
    const merged = Y.mergeUpdates(this.entries.slice(index, end).map((entry) => entry.update));
    this.entries.splice(index, count, {
      updateId: createUpdateId(),
      update: merged,
      sent: false,
      inFlight: false,
      attempts: 0,
    });
    this.stats.merged += count;
    this.port.onChange();
    return true;
  }

  private compactIfLong(): void {
    let firstUnsent = this.entries.length;
    while (firstUnsent > 0 && !this.entries[firstUnsent - 1].sent) firstUnsent--;
    // Merge chunk after chunk (each up to mergeLimitBytes) until the unsent tail is short again.
    for (let start = firstUnsent; start < this.entries.length - 1; start++) {
      if (this.entries.length - firstUnsent < this.options.compactAfter) break;
      this.mergeUnsentFrom(start);
    }
  }
}
