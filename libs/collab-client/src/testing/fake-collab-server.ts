import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import { Server, type Namespace, type Socket } from 'socket.io';
import {
  COLLAB_NAMESPACE,
  CollabEvents,
  MAX_SOCKET_MESSAGE_BYTES,
  collabWireParser,
  MAX_UPDATE_BYTES,
  type CollabAck,
  type DocRevokedMessage,
  type DocRole,
  type EntityChanged,
  type ErrorCode,
} from '@coalesce/protocol';
import { FakeAwareness } from './fake-awareness.js';
import { FakeDocLog } from './fake-doc-log.js';
import { FakePresence } from './fake-presence.js';

type Ack = (response: CollabAck<Record<string, unknown>>) => void;

export interface FakeCollabServerOptions {
  /** Port to listen on; 0 (default) picks a free one, kept across `stop()`/`start()`. */
  port?: number;
  /** Delay before an update is "committed" and acknowledged. Default 0. */
  ackDelayMs?: number;
}

interface Refusal {
  code: ErrorCode;
  /** How many more times; Infinity for always. */
  times: number;
}

function isBinary(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array;
}

function fail(code: ErrorCode, message: string = code): CollabAck<never> {
  return { ok: false, error: { code, message } };
}

/**
 * A small real Socket.IO server implementing the /collab contract over an in-memory log, with
 * switches to misbehave. TEST SUPPORT ONLY (Node): it is not part of the built library.
 *
 * Tokens: any non-empty token is accepted and names the user (`userId = token`).
 */
export class FakeCollabServer {
  readonly docs = new Map<string, FakeDocLog>();
  /** Role per docId (default `edit`). `view` refuses updates with FORBIDDEN. */
  readonly roles = new Map<string, DocRole>();
  /** Tokens presented at each handshake, in order. */
  readonly handshakes: string[] = [];
  /** Error acks sent for doc:update, by code. */
  readonly updateRefusals = new Map<string, number>();
  /** Every client -> server event received, by name. */
  readonly received = new Map<string, number>();
  ackDelayMs: number;
  /** Drop this many of the next doc:update broadcasts. */
  dropBroadcasts = 0;
  /** Refuse the next handshakes with this code. */
  refuseAuth: Refusal | null = null;
  /** Answer the next doc:update messages with this error (nothing stored). */
  failUpdates: Refusal | null = null;
  /** awareness:update messages refused (another socket's clientID, undecodable). */
  awarenessRefused = 0;
  /** Refuse the doc:update messages for which this returns a code. */
  updateFilter: ((update: Uint8Array) => ErrorCode | null) | null = null;
  /** Refuse doc:open with this code. */
  failOpens: Refusal | null = null;

  private http: HttpServer | null = null;
  private io: Server | null = null;
  private nsp: Namespace | null = null;
  private _port: number;
  private readonly awareness = new FakeAwareness();
  private readonly presence = new FakePresence();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private constructor(options: FakeCollabServerOptions) {
    this._port = options.port ?? 0;
    this.ackDelayMs = options.ackDelayMs ?? 0;
  }

  static async start(options: FakeCollabServerOptions = {}): Promise<FakeCollabServer> {
    const server = new FakeCollabServer(options);
    await server.start();
    return server;
  }

  get port(): number {
    return this._port;
  }

  /** Origin to give the client (`/collab` is appended by the client). */
  get url(): string {
    return `http://127.0.0.1:${this._port}`;
  }

  get running(): boolean {
    return this.io !== null;
  }

  /** Number of sockets connected to /collab. */
  get connectedSockets(): number {
    return this.nsp?.sockets.size ?? 0;
  }

  /** (Re)starts listening on the same port; the documents are kept. */
  async start(): Promise<void> {
    if (this.io) return;
    const http = createServer();
    const io = new Server(http, {
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      parser: collabWireParser,
    });
    const nsp = io.of(COLLAB_NAMESPACE);
    nsp.use((socket, next) => this.authenticate(socket, next));
    nsp.on('connection', (socket) => this.onConnection(socket));
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(this._port, '127.0.0.1', () => resolve());
    });
    this._port = (http.address() as AddressInfo).port;
    this.http = http;
    this.io = io;
    this.nsp = nsp;
  }

  /** Stops listening and drops every connection (clients see a transport close). State is kept. */
  async stop(): Promise<void> {
    const io = this.io;
    if (!io) return;
    this.io = null;
    this.nsp = null;
    this.http = null;
    this.awareness.clear();
    this.presence.clear();
    await new Promise<void>((resolve) => {
      io.close(() => resolve());
    });
  }

  /** Stops and releases everything (timers included). */
  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.stop();
  }

  /** The log of a document (created on first use). */
  doc(docId: string): FakeDocLog {
    let log = this.docs.get(docId);
    if (!log) {
      log = new FakeDocLog();
      this.docs.set(docId, log);
    }
    return log;
  }

  /** The server's state of a document as text of `Y.Text` `name`. */
  text(docId: string, name = 'text'): string {
    return this.doc(docId).toDoc().getText(name).toString();
  }

  /** Withdraws access: sends doc:revoked to the document's sockets and removes them from its room. */
  revoke(docId: string, reason: DocRevokedMessage['reason'] = 'access-changed'): void {
    const message: DocRevokedMessage = { docId, reason };
    this.nsp?.to(this.room(docId)).emit(CollabEvents.DocRevoked, message);
    this.nsp?.in(this.room(docId)).socketsLeave(this.room(docId));
  }

  /** Awareness states the server holds for a document (clientID -> state). */
  awarenessStates(docId: string): Map<number, unknown> {
    return this.awareness.states(docId);
  }

  emitEntityChanged(change: EntityChanged): void {
    this.nsp?.to(`coalition:${change.coalitionId}`).emit(CollabEvents.EntityChanged, change);
  }

  /** Forgets which documents each socket opened (the next doc:update gets DOC_NOT_OPEN). */
  forgetOpenDocs(): void {
    for (const socket of this.nsp?.sockets.values() ?? [])
      (socket.data.open as Set<string>).clear();
  }

  /** Ends every connection from the server side ("io server disconnect"). */
  disconnectAll(): void {
    this.nsp?.disconnectSockets(true);
  }

  private room(docId: string): string {
    return `doc:${docId}`;
  }

  private authenticate(socket: Socket, next: (err?: Error) => void): void {
    const token = (socket.handshake.auth as { token?: unknown })?.token;
    this.handshakes.push(typeof token === 'string' ? token : '');
    let code: ErrorCode | null = null;
    if (this.refuseAuth && this.refuseAuth.times > 0) {
      code = this.refuseAuth.code;
      this.refuseAuth.times--;
    } else if (typeof token !== 'string' || token.length === 0) {
      code = 'UNAUTHENTICATED';
    }
    if (!code) {
      socket.data.userId = token;
      next();
      return;
    }
    const err = new Error(code) as Error & { data: unknown };
    err.data = { code, message: `Refused: ${code}` };
    next(err);
  }

  private count(event: string): void {
    this.received.set(event, (this.received.get(event) ?? 0) + 1);
  }

  private later(fn: () => void, delayMs: number): void {
    if (delayMs <= 0) {
      fn();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, delayMs);
    this.timers.add(timer);
  }

  private takeRefusal(refusal: Refusal | null): ErrorCode | null {
    if (!refusal || refusal.times <= 0) return null;
    refusal.times--;
    return refusal.code;
  }

  private onConnection(socket: Socket): void {
    const open = new Set<string>();
    socket.data.open = open;
    const on = (event: string, handler: (payload: Record<string, unknown>, ack: Ack) => void) => {
      socket.on(event, (payload: Record<string, unknown>, ack?: Ack) => {
        this.count(event);
        handler(payload ?? {}, typeof ack === 'function' ? ack : () => undefined);
      });
    };

    on(CollabEvents.DocOpen, ({ docId, stateVector }, ack) => {
      if (typeof docId !== 'string') return ack(fail('VALIDATION_FAILED'));
      const refused = this.takeRefusal(this.failOpens);
      if (refused) return ack(fail(refused));
      const log = this.doc(docId);
      open.add(docId);
      void socket.join(this.room(docId));
      // Like the real server: the states of the others, before the ack.
      const others = this.awareness.snapshot(docId);
      if (others) socket.emit(CollabEvents.AwarenessUpdate, { docId, update: others });
      ack({
        ok: true,
        role: this.roles.get(docId) ?? 'edit',
        update: log.diff(isBinary(stateVector) ? stateVector : undefined),
        stateVector: log.stateVector(),
        seq: log.seq,
      });
    });

    on(CollabEvents.DocUpdate, ({ docId, update, updateId }, ack) => {
      if (typeof docId !== 'string' || typeof updateId !== 'string' || !isBinary(update)) {
        return ack(fail('VALIDATION_FAILED'));
      }
      if (!open.has(docId)) return ack(fail('DOC_NOT_OPEN'));
      const log = this.doc(docId);
      log.received.set(updateId, (log.received.get(updateId) ?? 0) + 1);
      const refuse = (code: ErrorCode) => {
        this.updateRefusals.set(code, (this.updateRefusals.get(code) ?? 0) + 1);
        ack(fail(code));
      };
      if ((this.roles.get(docId) ?? 'edit') === 'view') return ack(fail('FORBIDDEN'));
      if (update.byteLength > MAX_UPDATE_BYTES) return ack(fail('PAYLOAD_TOO_LARGE'));
      const refused = this.takeRefusal(this.failUpdates) ?? this.updateFilter?.(update) ?? null;
      if (refused) return refuse(refused);
      try {
        Y.decodeUpdate(update);
      } catch {
        return ack(fail('INVALID_UPDATE'));
      }
      // Validated and stored in arrival order (like the real server's per-document queue); the
      // ack and the broadcast follow after the "commit" delay, even if the socket is gone by then
      // (the ack is lost, not the data).
      const result = log.append(updateId, new Uint8Array(update));
      if ('error' in result) return refuse(result.error);
      this.later(() => {
        ack({ ok: true, seq: result.seq });
        if (!result.stored) return;
        if (this.dropBroadcasts > 0) {
          this.dropBroadcasts--;
          return;
        }
        const broadcast = { docId, update: result.stored, seq: result.seq };
        socket.to(this.room(docId)).emit(CollabEvents.DocUpdate, broadcast);
      }, this.ackDelayMs);
    });

    on(CollabEvents.DocSync, ({ docId, stateVector }, ack) => {
      if (typeof docId !== 'string' || !isBinary(stateVector))
        return ack(fail('VALIDATION_FAILED'));
      if (!open.has(docId)) return ack(fail('DOC_NOT_OPEN'));
      const log = this.doc(docId);
      ack({
        ok: true,
        update: log.diff(stateVector),
        stateVector: log.stateVector(),
        seq: log.seq,
      });
    });

    on(CollabEvents.DocClose, ({ docId }, ack) => {
      if (typeof docId !== 'string') return ack(fail('VALIDATION_FAILED'));
      open.delete(docId);
      void socket.leave(this.room(docId));
      this.awareness.dropSocket(docId, socket.id, (update) =>
        this.nsp?.to(this.room(docId)).emit(CollabEvents.AwarenessUpdate, { docId, update }),
      );
      ack({ ok: true });
    });

    on(CollabEvents.AwarenessUpdate, ({ docId, update }, ack) => {
      if (typeof docId !== 'string' || !isBinary(update) || !open.has(docId)) {
        return ack(fail('VALIDATION_FAILED'));
      }
      if (!this.awareness.accept(docId, socket.id, update)) {
        this.awarenessRefused++;
        return ack(fail('FORBIDDEN'));
      }
      // Like the real server: to the whole room, the sender included.
      this.nsp?.to(this.room(docId)).emit(CollabEvents.AwarenessUpdate, { docId, update });
      ack({ ok: true });
    });

    on(CollabEvents.PresenceJoin, ({ coalitionId, location }, ack) => {
      if (typeof coalitionId !== 'string') return ack(fail('VALIDATION_FAILED'));
      void socket.join(`coalition:${coalitionId}`);
      const state = this.presence.set(coalitionId, socket.id, socket.data.userId, location);
      ack({ ok: true, ...state });
      socket.to(`coalition:${coalitionId}`).emit(CollabEvents.PresenceState, state);
    });

    on(CollabEvents.PresenceUpdate, ({ coalitionId, location }, ack) => {
      if (typeof coalitionId !== 'string') return ack(fail('VALIDATION_FAILED'));
      const state = this.presence.set(coalitionId, socket.id, socket.data.userId, location);
      ack({ ok: true, ...state });
      socket.to(`coalition:${coalitionId}`).emit(CollabEvents.PresenceState, state);
    });

    on(CollabEvents.PresenceLeave, ({ coalitionId }, ack) => {
      if (typeof coalitionId !== 'string') return ack(fail('VALIDATION_FAILED'));
      void socket.leave(`coalition:${coalitionId}`);
      const state = this.presence.remove(coalitionId, socket.id);
      ack({ ok: true });
      this.nsp?.to(`coalition:${coalitionId}`).emit(CollabEvents.PresenceState, state);
    });

    socket.on('disconnect', () => {
      for (const docId of open) {
        this.awareness.dropSocket(docId, socket.id, (update) =>
          this.nsp?.to(this.room(docId)).emit(CollabEvents.AwarenessUpdate, { docId, update }),
        );
      }
      for (const state of this.presence.removeSocket(socket.id)) {
        this.nsp?.to(`coalition:${state.coalitionId}`).emit(CollabEvents.PresenceState, state);
      }
    });
  }
}
