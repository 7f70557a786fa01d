import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  CollabEvents,
  type CollabError,
  type DocRole,
  type DocRevokedMessage,
  type OpenResult,
  type SyncResult,
  type UpdateResult,
} from '@coalesce/protocol';
import { AwarenessSync } from './awareness-sync.js';
import { backoffDelay } from './backoff.js';
import { toUint8Array } from './binary.js';
import type { ResolvedDocOptions } from './collab-client.options.js';
import type { DocTransport } from './transport.js';
import { docStatus } from './doc-status.js';
import { Emitter, type Listener } from './emitter.js';
import { CollabClientError, isFatalOpenError } from './errors.js';
import { missingUpdate } from './missing-update.js';
import { Outbox } from './outbox.js';
import { SeqTracker } from './seq-tracker.js';
import { createDocStats, type DocHandleEvents, type DocStats, type DocStatus } from './types.js';

/**
 * One collaborative document on the client's connection. Created by `CollabClient.openDoc`.
 *
 * Local changes (any transaction whose origin is not the client) go to the outbox and stay there
 * until the server acknowledges them; remote changes are applied with `transaction.origin === client`.
 */
export class DocHandle {
  readonly awareness: Awareness;
  readonly stats: DocStats = createDocStats();

  private _role: DocRole | null = null;
  private _status: DocStatus;
  private _lastError: CollabError | null = null;
  private _revoked = false;
  private errored = false;
  /** The open was refused for good (FORBIDDEN, NOT_FOUND, ...): no more attempts. */
  private openRefused = false;
  private closed = false;
  private refCount = 1;
  private closing: Promise<void> | null = null;

  /** Epoch of the connection on which doc:open was acknowledged; -1 when not open. */
  private openedEpoch = -1;
  private everOpened = false;
  private openToken = 0;
  private openPendingEpoch = -1;
  private openAttempts = 0;
  private openRetryTimer: ReturnType<typeof setTimeout> | null = null;
  private syncing = false;
  private syncAgain = false;

  private readonly emitter = new Emitter<DocHandleEvents>();
  private readonly pendingWatchers = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly seqs: SeqTracker;
  private readonly awarenessSync: AwarenessSync;

  constructor(
    readonly docId: string,
    readonly doc: Y.Doc,
    private readonly transport: DocTransport,
    private readonly options: ResolvedDocOptions,
  ) {
    this.outbox = new Outbox(
      {
        send: (updateId, update) =>
          this.transport.request<UpdateResult>(CollabEvents.DocUpdate, {
            docId: this.docId,
            update,
            updateId,
          }),
        canSend: () => this.isOpen && !this._revoked,
        onCommitted: (seq) => this.seqs.observe(seq),
        onRejected: (error) => this.fail(error),
        onNotOpen: () => this.reopen(),
        onChange: () => this.onPendingChange(),
      },
      options,
      this.stats,
    );
    this.seqs = new SeqTracker(options.gapRepairDelayMs, () => void this.sync('gap'));
    this.awareness = new Awareness(doc);
    this.awarenessSync = new AwarenessSync(
      this.awareness,
      transport.origin,
      (update) => {
        this.stats.awarenessSent++;
        this.transport.notify(CollabEvents.AwarenessUpdate, { docId: this.docId, update });
      },
      { throttleMs: options.awarenessThrottleMs, maxBytes: options.maxAwarenessBytes },
    );
    this._status = this.computeStatus();
    doc.on('update', this.onLocalUpdate);
    doc.on('destroy', this.onDocDestroy);
  }

  /** The role granted by the server; null until the first open is acknowledged. */
  get role(): DocRole | null {
    return this._role;
  }

  get status(): DocStatus {
    return this._status;
  }

  /** The last error (refused update or open, revocation); kept after `clearError()`. */
  get lastError(): CollabError | null {
    return this._lastError;
  }

  /** Access was withdrawn by the server (doc:revoked): the handle stopped for good. */
  get revoked(): boolean {
    return this._revoked;
  }

  /** Local updates not yet acknowledged by the server (outbox entries). */
  get pendingUpdates(): number {
    return this.outbox.length;
  }

  /** Highest seq of the document's log up to which this client has everything (-1 if not open). */
  get seq(): number {
    return this.seqs.seq;
  }

  on<K extends keyof DocHandleEvents>(event: K, listener: Listener<DocHandleEvents[K]>): () => void {
    return this.emitter.on(event, listener);
  }

  off<K extends keyof DocHandleEvents>(event: K, listener: Listener<DocHandleEvents[K]>): void {
    this.emitter.off(event, listener);
  }

  /**
   * Resolves when the status is (or next becomes) `synced`: opened and every local change
   * acknowledged. Rejects when it becomes `error` or `closed`.
   */
  whenSynced(): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = (status: DocStatus): boolean => {
        if (status === 'synced') resolve();
        else if (status === 'error') reject(this.errorForWaiters());
        else if (status === 'closed') reject(new CollabClientError('NOT_FOUND', 'Handle closed.'));
        else return false;
        return true;
      };
      if (check(this._status)) return;
      const off = this.emitter.on('status', (status) => {
        if (check(status)) off();
      });
    });
  }

  /** Leaves the `error` status (not after a revocation); a refused open is attempted again. */
  clearError(): void {
    if (this._revoked || this.closed) return;
    this.errored = false;
    this.openRefused = false;
    this.updateStatus();
    this.open();
  }

  /**
   * Releases this handle. Opened twice, it closes on the second `close()`. The last close waits up
   * to `closeTimeoutMs` for the outbox to drain (local changes made meanwhile are still sent), then
   * clears the local awareness state, forgets the remote ones and sends doc:close.
   */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.refCount > 0) this.refCount--;
    if (this.refCount > 0) return Promise.resolve();
    this.closing ??= this.drain().then(() => {
      this.closing = null;
      if (this.refCount === 0) this.shutdown(true);
    });
    return this.closing;
  }

  /** @internal openDoc() of an open docId: one more reference. */
  retain(): void {
    this.refCount++;
    for (const watcher of [...this.pendingWatchers]) watcher(); // cancels a close in progress
  }

  /** @internal The connection is up (again): open on it. */
  onConnected(): void {
    this.updateStatus();
    this.open();
  }

  /** @internal The connection is gone: unacked entries wait for the next open. */
  onDisconnected(): void {
    this.openedEpoch = -1;
    this.clearOpenRetry();
    this.outbox.reset();
    this.seqs.stop();
    this.awarenessSync.pause();
    this.updateStatus();
  }

  /** @internal The connection status changed without connect/disconnect (e.g. auth-failed). */
  onConnectionStatus(): void {
    this.updateStatus();
  }

  /** @internal A doc:update broadcast. */
  onRemoteUpdate(update: Uint8Array, seq: number): void {
    if (this.closed || this._revoked) return;
    this.stats.remoteUpdates++;
    this.applyRemote(update);
    this.seqs.observe(seq);
  }

  /** @internal An awareness:update broadcast. */
  onRemoteAwareness(update: Uint8Array): void {
    if (this.closed || this._revoked) return;
    this.awarenessSync.applyRemote(update);
  }

  /** @internal doc:revoked: the server closed the document for this socket. */
  onRevoked(message: DocRevokedMessage): void {
    if (this.closed || this._revoked) return;
    this._revoked = true;
    this.openedEpoch = -1;
    this.clearOpenRetry();
    this.outbox.reset();
    this.seqs.stop();
    this.awarenessSync.pause();
    this.awarenessSync.removeRemoteStates();
    this.fail({ code: 'FORBIDDEN', message: `Access to the document was withdrawn (${message.reason}).` });
  }

  /** @internal Periodic doc:sync (repairs a lost last broadcast). */
  resync(): void {
    if (this.isOpen && !this.syncing) void this.sync('resync');
  }

  /** @internal The client closes: stop at once, without draining or notifying the server. */
  forceClose(): void {
    if (this.closed) return;
    this.refCount = 0;
    this.shutdown(false);
  }

  private get isOpen(): boolean {
    return (
      this.openedEpoch >= 0 &&
      this.openedEpoch === this.transport.epoch &&
      this.transport.status === 'connected'
    );
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this.transport.origin || this.closed) return;
    if (this._role === 'view') {
      this.stats.discarded++;
      return;
    }
    this.outbox.enqueue(update);
  };

  private readonly onDocDestroy = (): void => {
    this.refCount = 0;
    this.shutdown(true);
  };

  private async open(): Promise<void> {
    if (this.closed || this._revoked || this.openRefused) return;
    if (this.transport.status !== 'connected' || this.isOpen) return;
    const epoch = this.transport.epoch;
    if (this.openPendingEpoch === epoch) return;
    this.clearOpenRetry();
    const token = ++this.openToken;
    this.openPendingEpoch = epoch;
    const ack = await this.transport.request<OpenResult>(CollabEvents.DocOpen, {
      docId: this.docId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    if (token !== this.openToken) return; // superseded by a newer open
    this.openPendingEpoch = -1;
    if (this.closed || this._revoked) return;
    if (epoch !== this.transport.epoch || this.transport.status !== 'connected') return;
    if (!ack.ok) {
      if (isFatalOpenError(ack.error.code)) {
        this.openRefused = true;
        this.fail(ack.error);
      } else {
        const delay = backoffDelay(this.openAttempts++, this.options.retryBaseMs, this.options.retryMaxMs);
        this.openRetryTimer = setTimeout(() => {
          this.openRetryTimer = null;
          void this.open();
        }, delay);
      }
      return;
    }
    this.openAttempts = 0;
    this.applyOpen(ack, epoch);
  }

  private applyOpen(result: OpenResult, epoch: number): void {
    const roleChanged = result.role !== this._role;
    this._role = result.role;
    const serverStateVector = toUint8Array(result.stateVector);
    // Before applying the server's diff, so the delete set holds only local deletions.
    const missing =
      result.role === 'view'
        ? null
        : missingUpdate(this.doc, serverStateVector, this.outbox.updates(), !this.everOpened);
    this.applyRemote(toUint8Array(result.update));
    if (result.role === 'view') {
      this.stats.discarded += this.outbox.clear();
    } else if (missing) {
      this.outbox.enqueue(missing);
    }
    this.openedEpoch = epoch;
    this.everOpened = true;
    this.stats.opens++;
    this.seqs.reset(result.seq);
    if (roleChanged) this.emitter.emit('role', result.role);
    this.awarenessSync.start();
    this.outbox.flush();
    this.updateStatus();
  }

  /** DOC_NOT_OPEN from the server: open again on the same connection, then resend. */
  private reopen(): void {
    if (!this.isOpen) return;
    this.openedEpoch = -1;
    this.outbox.reset();
    this.awarenessSync.pause();
    this.updateStatus();
    void this.open();
  }

  private async sync(reason: 'gap' | 'resync'): Promise<void> {
    if (!this.isOpen) return;
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
    if (this.closed || this._revoked || epoch !== this.transport.epoch || !this.isOpen) return;
    if (ack.ok) {
      this.applyRemote(toUint8Array(ack.update));
      if (reason === 'gap') this.stats.gapsRepaired++;
      else this.stats.resyncs++;
      this.seqs.repaired(ack.seq);
    } else if (ack.error.code === 'DOC_NOT_OPEN') {
      this.reopen();
      return;
    } else {
      this.seqs.recheck(); // try again after the gap delay
    }
    if (this.syncAgain) {
      this.syncAgain = false;
      if (this.seqs.hasGap) void this.sync('gap');
    }
  }

  /** Applies a server update without echoing it; an app observer that throws does not stop us. */
  private applyRemote(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.doc, update, this.transport.origin);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  }

  private drain(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.pendingWatchers.delete(check);
        resolve();
      };
      const check = (): void => {
        if (this.outbox.length === 0 || this.closed || this._revoked || this.refCount > 0) done();
      };
      const timer = setTimeout(done, this.options.closeTimeoutMs);
      this.pendingWatchers.add(check);
      check();
    });
  }

  private shutdown(notifyServer: boolean): void {
    if (this.closed) return;
    const wasOpen = this.isOpen && !this._revoked;
    this.stats.abandoned += this.outbox.length;
    this.doc.off('update', this.onLocalUpdate);
    this.doc.off('destroy', this.onDocDestroy);
    if (!notifyServer || !wasOpen) this.awarenessSync.pause(); // pausing first: no null state sent
    this.awarenessSync.stop();
    this.awareness.destroy();
    if (notifyServer && wasOpen) {
      void this.transport.request(CollabEvents.DocClose, { docId: this.docId });
    }
    this.closed = true;
    this.openedEpoch = -1;
    this.clearOpenRetry();
    this.outbox.dispose();
    this.seqs.stop();
    this.transport.release(this.docId);
    this.updateStatus();
    for (const watcher of [...this.pendingWatchers]) watcher();
    this.emitter.removeAllListeners();
  }

  private fail(error: CollabError): void {
    this._lastError = error;
    this.errored = true;
    this.emitter.emit('error', error);
    this.updateStatus();
  }

  private errorForWaiters(): CollabClientError {
    return this._lastError
      ? CollabClientError.from(this._lastError)
      : new CollabClientError('INTERNAL', 'Document error.');
  }

  private onPendingChange(): void {
    this.updateStatus();
    for (const watcher of [...this.pendingWatchers]) watcher();
  }

  private clearOpenRetry(): void {
    if (this.openRetryTimer) clearTimeout(this.openRetryTimer);
    this.openRetryTimer = null;
  }

  private computeStatus(): DocStatus {
    return docStatus({
      closed: this.closed,
      errored: this.errored,
      connection: this.transport.status,
      opened: this.isOpen,
      pending: this.outbox?.length ?? 0,
    });
  }

  private updateStatus(): void {
    const status = this.computeStatus();
    if (status === this._status) return;
    this._status = status;
    this.emitter.emit('status', status);
  }
}
