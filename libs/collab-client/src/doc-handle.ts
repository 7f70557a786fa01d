import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import {
  CollabEvents,
  type CollabError,
  type DocRole,
  type DocRevokedMessage,
  type OpenResult,
  type UpdateResult,
} from '@coalesce/protocol';
import { applyRemoteUpdate } from './apply-remote.js';
import { AwarenessSync } from './awareness-sync.js';
import { toUint8Array } from './binary.js';
import type { ResolvedDocOptions } from './collab-client.options.js';
import type { DocTransport } from './transport.js';
import { DocOpener } from './doc-opener.js';
import { docStatus } from './doc-status.js';
import { DocSyncer } from './doc-syncer.js';
import { Emitter, type Listener } from './emitter.js';
import { missingUpdate } from './missing-update.js';
import { Outbox } from './outbox.js';
import { createDocStats, type DocHandleEvents, type DocStats, type DocStatus } from './types.js';
import { waitForSynced } from './wait-for-status.js';

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

  private readonly emitter = new Emitter<DocHandleEvents>();
  private readonly pendingWatchers = new Set<() => void>();
  private readonly outbox: Outbox;
  private readonly opener: DocOpener;
  private readonly syncer: DocSyncer;
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
        onCommitted: (seq) => this.syncer.onCommitted(seq),
        onRejected: (error) => this.fail(error),
        onNotOpen: () => this.reopen(),
        onMissingBase: () => void this.syncer.repairMissingBase(),
        onChange: () => this.onPendingChange(),
      },
      options,
      this.stats,
    );
    this.opener = new DocOpener(docId, doc, transport, options, {
      mayOpen: () => !this.closed && !this._revoked && !this.openRefused,
      isOpen: () => this.isOpen,
      onOpened: (result, epoch) => this.applyOpen(result, epoch),
      onRefused: (error) => {
        this.openRefused = true;
        this.fail(error);
      },
    });
    this.syncer = new DocSyncer(docId, doc, transport, options, this.stats, {
      isOpen: () => this.isOpen && !this._revoked && !this.closed,
      applyRemote: (update) => applyRemoteUpdate(this.doc, update, transport.origin),
      onNotOpen: () => this.reopen(),
      sendFirst: (update) => this.outbox.prepend(update),
      stall: (error) => {
        this.outbox.stall();
        this.fail(error);
      },
    });
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
    return this.syncer.seqs.seq;
  }

  on<K extends keyof DocHandleEvents>(
    event: K,
    listener: Listener<DocHandleEvents[K]>,
  ): () => void {
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
    return waitForSynced(this);
  }

  /** Leaves the `error` status (not after a revocation); a refused open is attempted again. */
  clearError(): void {
    if (this._revoked || this.closed) return;
    this.errored = false;
    this.openRefused = false;
    this.syncer.resetRepairs();
    this.outbox.resume();
    this.updateStatus();
    void this.opener.open();
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
    void this.opener.open();
  }

  /** @internal The connection is gone: unacked entries wait for the next open. */
  onDisconnected(): void {
    this.openedEpoch = -1;
    this.opener.cancel();
    this.outbox.reset();
    this.syncer.seqs.stop();
    this.awarenessSync.pause();
    this.updateStatus();
  }

  /** @internal The connection status changed without connect/disconnect (e.g. auth-failed). */
  onConnectionStatus(): void {
    this.updateStatus();
  }

  /** @internal A doc:update broadcast of the updates `fromSeq`..`seq`. */
  onRemoteUpdate(update: Uint8Array, fromSeq: number, seq: number): void {
    if (this.closed || this._revoked) return;
    this.stats.remoteUpdates++;
    applyRemoteUpdate(this.doc, update, this.transport.origin);
    this.syncer.seqs.observeRange(fromSeq, seq);
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
    this.opener.cancel();
    this.outbox.reset();
    this.syncer.seqs.stop();
    this.awarenessSync.pause();
    this.awarenessSync.removeRemoteStates();
    this.fail({
      code: 'FORBIDDEN',
      message: `Access to the document was withdrawn (${message.reason}).`,
    });
  }

  /** @internal Periodic doc:sync (repairs a lost last broadcast). */
  resync(): void {
    this.syncer.resync();
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

  private applyOpen(result: OpenResult, epoch: number): void {
    const roleChanged = result.role !== this._role;
    this._role = result.role;
    const serverStateVector = toUint8Array(result.stateVector);
    // Before applying the server's diff, so the delete set holds only local deletions.
    const missing =
      result.role === 'view'
        ? null
        : missingUpdate(this.doc, serverStateVector, this.outbox.updates(), !this.everOpened);
    applyRemoteUpdate(this.doc, toUint8Array(result.update), this.transport.origin);
    if (result.role === 'view') {
      this.stats.discarded += this.outbox.clear();
    } else if (missing) {
      this.outbox.enqueue(missing);
    }
    this.openedEpoch = epoch;
    this.everOpened = true;
    this.stats.opens++;
    this.syncer.seqs.reset(result.seq);
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
    void this.opener.open();
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
    this.opener.cancel();
    this.outbox.dispose();
    this.syncer.seqs.stop();
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

  private onPendingChange(): void {
    this.updateStatus();
    for (const watcher of [...this.pendingWatchers]) watcher();
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
