import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import {
  CollabEvents,
  MAX_OPEN_DOCS_PER_SOCKET,
  type AwarenessBroadcast,
  type CollabError,
  type DocRevokedMessage,
  type DocUpdateBroadcast,
  type EntityChanged,
  type PresenceState,
} from '@coalesce/protocol';
import { tryUint8Array } from './binary.js';
import {
  resolveOptions,
  type CollabClientOptions,
  type ResolvedOptions,
} from './collab-client.options.js';
import { DocHandle } from './doc-handle.js';
import { Emitter, type Listener } from './emitter.js';
import { CollabClientError } from './errors.js';
import { PresenceClient } from './presence-client.js';
import { SocketConnection, type ConnectionStats } from './socket-connection.js';
import type { DocTransport } from './transport.js';
import type { ConnectionStatus } from './types.js';

export interface CollabClientEvents {
  status: ConnectionStatus;
  /** Structured data changed on the server (bill, task, comment, membership...): refresh it. */
  'entity:changed': EntityChanged;
}

/** Wraps a socket handler so an exception (ours or an app observer's) never breaks Socket.IO. */
function guard<T>(handler: (message: T) => void): (message: T) => void {
  return (message) => {
    try {
      handler(message);
    } catch (error) {
      setTimeout(() => {
        throw error;
      });
    }
  };
}

/**
 * Headless collaboration client: one Socket.IO connection to `${url}/collab` carrying many Yjs
 * documents, presence and entity-change notifications. Runs in browsers and in Node.
 *
 * Remote document changes are applied with `transaction.origin === client`.
 */
export class CollabClient {
  readonly presence: PresenceClient;
  private readonly options: ResolvedOptions;
  private readonly connection: SocketConnection;
  private readonly handles = new Map<string, DocHandle>();
  private readonly docsInUse = new WeakMap<Y.Doc, string>();
  private readonly emitter = new Emitter<CollabClientEvents>();
  private readonly docTransport: DocTransport;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: CollabClientOptions) {
    this.options = resolveOptions(options);
    this.connection = new SocketConnection(
      { ...this.options, autoConnect: false },
      {
        onStatus: (status) => this.onStatus(status),
        onConnected: () => this.onConnected(),
        onDisconnected: () => this.onDisconnected(),
      },
    );
    const connection = this.connection;
    this.docTransport = {
      origin: this,
      get status() {
        return connection.status;
      },
      get epoch() {
        return connection.epoch;
      },
      request: (event, payload) => connection.request(event, payload),
      notify: (event, payload) => connection.notify(event, payload),
      release: (docId) => this.release(docId),
    };
    this.presence = new PresenceClient(this.docTransport);
    this.listen(connection.socket);
    if (this.options.resyncIntervalMs > 0) this.scheduleResync();
    if (this.options.autoConnect) this.connect();
  }

  /**
   * The next periodic resync, 75–125% of the interval away: clients started together (a page
   * opened by a whole team, a reconnect after a server restart) do not all doc:sync at once.
   */
  private scheduleResync(): void {
    const delay = this.options.resyncIntervalMs * (0.75 + Math.random() / 2);
    this.resyncTimer = setTimeout(() => {
      if (this.status === 'closed') return;
      for (const handle of this.handles.values()) handle.resync();
      this.scheduleResync();
    }, delay);
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  /** Why the connection failed last (TOKEN_EXPIRED, UNAUTHENTICATED, ...); null once connected. */
  get lastError(): CollabError | null {
    return this.connection.lastError;
  }

  get stats(): Readonly<ConnectionStats> {
    return this.connection.stats;
  }

  /** The underlying Socket.IO socket (diagnostics; do not emit on it). */
  get socket(): Socket {
    return this.connection.socket;
  }

  /** The open handles. */
  get docs(): DocHandle[] {
    return [...this.handles.values()];
  }

  on<K extends keyof CollabClientEvents>(
    event: K,
    listener: Listener<CollabClientEvents[K]>,
  ): () => void {
    return this.emitter.on(event, listener);
  }

  off<K extends keyof CollabClientEvents>(
    event: K,
    listener: Listener<CollabClientEvents[K]>,
  ): void {
    this.emitter.off(event, listener);
  }

  /** Connects (when created with `autoConnect: false`) or tries again after `auth-failed`. */
  connect(): void {
    this.connection.connect();
  }

  /** Same as `connect()`; reads better after `auth-failed` (e.g. once the user signed in again). */
  reconnect(): void {
    this.connection.connect();
  }

  /**
   * Opens a document on the connection (now, or as soon as it is up) and keeps it open across
   * reconnects. Opening an open docId again returns the same handle with one more reference (each
   * `openDoc` needs its `close()`); passing a different Y.Doc for it throws CONFLICT, and so does
   * binding one Y.Doc to two docIds.
   */
  openDoc(docId: string, doc?: Y.Doc): DocHandle {
    if (this.status === 'closed')
      throw new CollabClientError('UNAVAILABLE', 'CollabClient is closed.');
    const existing = this.handles.get(docId);
    if (existing) {
      if (doc && doc !== existing.doc) {
        throw new CollabClientError(
          'CONFLICT',
          `Document ${docId} is already open with another Y.Doc; pass the same Y.Doc or close it first.`,
        );
      }
      existing.retain();
      return existing;
    }
    const ydoc = doc ?? new Y.Doc();
    const boundTo = this.docsInUse.get(ydoc);
    if (boundTo !== undefined) {
      throw new CollabClientError('CONFLICT', `This Y.Doc is already open as document ${boundTo}.`);
    }
    if (this.handles.size >= MAX_OPEN_DOCS_PER_SOCKET) {
      throw new CollabClientError(
        'TOO_MANY_OPEN_DOCS',
        `At most ${MAX_OPEN_DOCS_PER_SOCKET} documents may be open at once.`,
      );
    }
    const handle = new DocHandle(docId, ydoc, this.docTransport, this.options);
    this.handles.set(docId, handle);
    this.docsInUse.set(ydoc, docId);
    if (this.status === 'connected') handle.onConnected();
    return handle;
  }

  /** The open handle of a document, if any. */
  getDoc(docId: string): DocHandle | undefined {
    return this.handles.get(docId);
  }

  /**
   * Closes every handle at once (no draining: call `handle.close()` first to wait for the outbox)
   * and the connection. The client cannot be used afterwards.
   */
  close(): void {
    if (this.status === 'closed') return;
    if (this.resyncTimer) clearTimeout(this.resyncTimer);
    this.resyncTimer = null;
    for (const handle of [...this.handles.values()]) handle.forceClose();
    this.presence.dispose();
    this.connection.close();
    this.emitter.removeAllListeners();
  }

  private release(docId: string): void {
    const handle = this.handles.get(docId);
    if (!handle) return;
    this.handles.delete(docId);
    this.docsInUse.delete(handle.doc);
  }

  private onStatus(status: ConnectionStatus): void {
    for (const handle of this.handles.values()) handle.onConnectionStatus();
    this.emitter.emit('status', status);
  }

  private onConnected(): void {
    for (const handle of this.handles.values()) handle.onConnected();
    this.presence.onConnected();
  }

  private onDisconnected(): void {
    for (const handle of this.handles.values()) handle.onDisconnected();
  }

  private listen(socket: Socket): void {
    socket.on(
      CollabEvents.DocUpdate,
      guard((message: DocUpdateBroadcast) => {
        const handle = this.handles.get(message?.docId);
        const update = tryUint8Array(message?.update);
        if (handle && update && typeof message.seq === 'number') {
          const fromSeq = typeof message.fromSeq === 'number' ? message.fromSeq : message.seq;
          handle.onRemoteUpdate(update, fromSeq, message.seq);
        }
      }),
    );
    socket.on(
      CollabEvents.AwarenessUpdate,
      guard((message: AwarenessBroadcast) => {
        const handle = this.handles.get(message?.docId);
        const update = tryUint8Array(message?.update);
        if (handle && update) handle.onRemoteAwareness(update);
      }),
    );
    socket.on(
      CollabEvents.DocRevoked,
      guard((message: DocRevokedMessage) => this.handles.get(message?.docId)?.onRevoked(message)),
    );
    socket.on(
      CollabEvents.PresenceState,
      guard((state: PresenceState) => this.presence.onState(state)),
    );
    socket.on(
      CollabEvents.EntityChanged,
      guard((change: EntityChanged) => this.emitter.emit('entity:changed', change)),
    );
  }
}
