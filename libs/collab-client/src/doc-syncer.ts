import * as Y from 'yjs';
import { CollabEvents, type CollabError, type SyncResult } from '@coalesce/protocol';
import { toUint8Array } from './binary.js';
import type { ResolvedDocOptions } from './collab-client.options.js';
import { SeqTracker } from './seq-tracker.js';
import type { DocTransport } from './transport.js';
import type { DocStats } from './types.js';

export interface DocSyncerPort {
  /** Open on the current connection and not revoked or closed. */
  isOpen(): boolean;
  /** Applies a server update to the doc (without echo). */
  applyRemote(update: Uint8Array): void;
  /** The server says the doc is not open on this socket. */
  onNotOpen(): void;
  /** Puts an update in front of the outbox. */
  sendFirst(update: Uint8Array): void;
  /** Stops sending for good, with this error. */
  stall(error: CollabError): void;
}

/** OUT_OF_ORDER repairs without progress before giving up. */
const MAX_BASE_REPAIRS = 2;

/**
 * Keeps the document complete between opens: tracks seqs (SeqTracker) and calls doc:sync with the
 * local state vector when a gap stays open, or periodically (a lost *last* broadcast shows no gap).
 * Also repairs the server's side when it reports OUT_OF_ORDER for the oldest outbox entry.
 */
export class DocSyncer {
  readonly seqs: SeqTracker;
  private syncing = false;
  private syncAgain = false;
  /** OUT_OF_ORDER repairs since the last acknowledged entry. */
  private baseRepairs = 0;
  private repairingBase = false;

  constructor(
    private readonly docId: string,
    private readonly doc: Y.Doc,
    private readonly transport: DocTransport,
    options: ResolvedDocOptions,
    private readonly stats: DocStats,
    private readonly port: DocSyncerPort,
  ) {
    this.seqs = new SeqTracker(options.gapRepairDelayMs, () => void this.sync('gap'));
  }

  /** An own update was committed with `seq`: a seq seen, and progress. */
  onCommitted(seq: number): void {
    this.baseRepairs = 0;
    this.seqs.observe(seq);
  }

  resetRepairs(): void {
    this.baseRepairs = 0;
  }

  /**
   * OUT_OF_ORDER for the oldest outbox entry: the server lacks earlier changes of this client that
   * are no longer in the outbox (one was dropped, or the server lost it). Send everything the
   * server is missing first; if that does not help twice in a row, stall (status `error`).
   */
  async repairMissingBase(): Promise<void> {
    if (this.repairingBase || !this.port.isOpen()) return;
    if (this.baseRepairs >= MAX_BASE_REPAIRS) {
      this.port.stall({
        code: 'OUT_OF_ORDER',
        message:
          'The server lacks earlier changes of this document that cannot be sent again; reopen it.',
      });
      return;
    }
    this.repairingBase = true;
    const serverStateVector = await this.fetchServerState();
    this.repairingBase = false;
    if (!serverStateVector || !this.port.isOpen()) return; // the entry is retried and reports again
    this.baseRepairs++;
    this.stats.baseRepairs++;
    this.port.sendFirst(Y.encodeStateAsUpdate(this.doc, serverStateVector));
  }

  /** Periodic check; skipped while a sync is running. */
  resync(): void {
    if (this.port.isOpen() && !this.syncing) void this.sync('resync');
  }

  /**
   * One doc:sync outside the gap bookkeeping (for the OUT_OF_ORDER repair): applies what is
   * missing locally and returns the server's state vector, or null on failure.
   */
  async fetchServerState(): Promise<Uint8Array | null> {
    if (!this.port.isOpen()) return null;
    const epoch = this.transport.epoch;
    const ack = await this.transport.request<SyncResult>(CollabEvents.DocSync, {
      docId: this.docId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    if (epoch !== this.transport.epoch || !this.port.isOpen() || !ack.ok) return null;
    this.port.applyRemote(toUint8Array(ack.update));
    this.seqs.repaired(ack.seq);
    return toUint8Array(ack.stateVector);
  }

  async sync(reason: 'gap' | 'resync'): Promise<void> {
    if (!this.port.isOpen()) return;
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    const epoch = this.transport.epoch;
    const ack = await this.transport.request<SyncResult>(CollabEvents.DocSync, {
      docId: this.docId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    this.syncing = false;
    if (epoch !== this.transport.epoch || !this.port.isOpen()) return;
    if (ack.ok) {
      this.port.applyRemote(toUint8Array(ack.update));
      if (reason === 'gap') this.stats.gapsRepaired++;
      else this.stats.resyncs++;
      this.seqs.repaired(ack.seq);
    } else if (ack.error.code === 'DOC_NOT_OPEN') {
      this.port.onNotOpen();
      return;
    } else {
      this.seqs.recheck(); // try again after the gap delay
    }
    if (this.syncAgain) {
      this.syncAgain = false;
      if (this.seqs.hasGap) void this.sync('gap');
    }
  }
}
