/**
 * Raw protocol-level clients: they speak each server's wire protocol directly. A client keeps a
 * tiny Y.Doc only for its own inserts (so its updates are real Yjs updates the server integrates);
 * it never applies what it receives: remote update bytes go to the hooks as they came off the wire.
 */
import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { COLLAB_NAMESPACE, CollabEvents, collabWireParser } from '@coalesce/protocol';
import { withTimeout } from '../lib/clock.js';
import { Reader, encode } from '../lib/wire.js';
import type { BenchClient, ClientHooks, Target } from './types.js';

const OPEN_TIMEOUT_MS = 30_000;

// y-protocols message types
const MSG_SYNC = 0;
const MSG_AWARENESS = 1;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
// Hocuspocus message types
const HP_AUTH = 2;
const HP_QUERY_AWARENESS = 3;
const HP_SYNC_REPLY = 4;
const HP_SYNC_STATUS = 8;
const HP_AUTH_TOKEN = 0;
const HP_AUTH_DENIED = 1;
const HP_AUTH_OK = 2;

/** The client's own tiny document: produces one update per insert. */
class OwnDoc {
  readonly doc = new Y.Doc();
  private readonly text = this.doc.getText('t');
  private last: Uint8Array | null = null;
  constructor() {
    this.doc.on('update', (update: Uint8Array) => {
      this.last = update;
    });
  }
  insert(s: string, at?: number): Uint8Array {
    this.last = null;
    this.text.insert(at ?? this.text.length, s);
    const update = this.last as Uint8Array | null;
    if (!update) throw new Error('insert produced no update');
    return update;
  }
  stateVector(): Uint8Array {
    return Y.encodeStateVector(this.doc);
  }
  diff(stateVector: Uint8Array): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc, stateVector);
  }
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc);
  }
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(v: T): void;
  reject(e: Error): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

abstract class WsClient implements BenchClient {
  protected ws: WebSocket | null = null;
  protected readonly own = new OwnDoc();
  protected synced: Deferred<Uint8Array> | null = null;
  alive = false;
  pendingAcks = 0;
  private closing = false;

  constructor(
    readonly index: number,
    readonly docName: string,
    protected readonly target: Target,
    protected readonly hooks: ClientHooks,
  ) {}

  protected abstract url(): string;
  protected abstract onMessage(data: Buffer): void;

  connect(): Promise<void> {
    const ws = new WebSocket(this.url(), { perMessageDeflate: false });
    this.ws = ws;
    const opened = deferred<void>();
    ws.on('open', () => {
      this.alive = true;
      opened.resolve();
    });
    ws.on('message', (data: Buffer) => {
      try {
        this.onMessage(data);
      } catch (error) {
        this.fail(`bad message: ${(error as Error).message}`);
      }
    });
    ws.on('error', (error) => {
      opened.reject(error);
      this.synced?.reject(error);
    });
    ws.on('close', (code, reason) => {
      const wasAlive = this.alive;
      this.alive = false;
      const why = `closed ${code} ${reason.toString()}`;
      opened.reject(new Error(why));
      this.synced?.reject(new Error(why));
      if (wasAlive && !this.closing) this.hooks.onClosed(this, why);
    });
    return withTimeout(opened.promise, OPEN_TIMEOUT_MS, `connect client ${this.index}`);
  }

  protected send(bytes: Uint8Array): void {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }

  protected fail(reason: string): void {
    this.synced?.reject(new Error(reason));
    this.hooks.onClosed(this, reason);
    this.close();
  }

  abstract open(): Promise<Uint8Array>;
  abstract insert(text: string, at?: number): void;
  /** The client's own inserts as one Yjs update (to compute the expected document). */
  ownState(): Uint8Array {
    return this.own.state();
  }
  keepAlive(): void {}

  close(): void {
    this.closing = true;
    this.alive = false;
    this.ws?.terminate();
  }
}

/** y-websocket: one connection per document, the document name is the URL path. */
export class RawYWebsocketClient extends WsClient {
  protected url(): string {
    return `ws://127.0.0.1:${this.target.port}/${encodeURIComponent(this.docName)}`;
  }

  open(): Promise<Uint8Array> {
    this.synced = deferred<Uint8Array>();
    this.send(encode(MSG_SYNC, STEP1, this.own.stateVector()));
    return withTimeout(this.synced.promise, OPEN_TIMEOUT_MS, `sync client ${this.index}`);
  }

  insert(text: string, at?: number): void {
    this.send(encode(MSG_SYNC, UPDATE, this.own.insert(text, at)));
  }

  protected onMessage(data: Buffer): void {
    const type = data[0];
    if (type === MSG_SYNC) {
      const sub = data[1];
      if (sub === UPDATE) {
        this.hooks.onRemoteBytes(this, data);
      } else if (sub === STEP1) {
        const r = new Reader(data);
        r.pos = 2;
        this.send(encode(MSG_SYNC, STEP2, this.own.diff(r.bytes())));
      } else if (sub === STEP2) {
        const r = new Reader(data);
        r.pos = 2;
        this.synced?.resolve(r.bytes());
      }
    } else if (type !== MSG_AWARENESS) {
      throw new Error(`unknown message type ${type}`);
    }
  }
}

/** Hocuspocus: every message starts with the document name; auth first, then the y-protocols sync. */
export class RawHocuspocusClient extends WsClient {
  private readonly sentAt: number[] = [];
  private statusesToSkip = 0;

  protected url(): string {
    return `ws://127.0.0.1:${this.target.port}/`;
  }

  open(): Promise<Uint8Array> {
    this.synced = deferred<Uint8Array>();
    this.send(encode(this.docName, HP_AUTH, HP_AUTH_TOKEN, '', '4.8.0'));
    this.send(encode(this.docName, MSG_SYNC, STEP1, this.own.stateVector()));
    return withTimeout(this.synced.promise, OPEN_TIMEOUT_MS, `sync client ${this.index}`);
  }

  insert(text: string, at?: number): void {
    const update = this.own.insert(text, at);
    this.sentAt.push(performance.now());
    this.pendingAcks++;
    this.send(encode(this.docName, MSG_SYNC, UPDATE, update));
  }

  override keepAlive(): void {
    this.send(encode(this.docName, HP_QUERY_AWARENESS));
  }

  /** Every message to and from this client starts with the encoded document name. */
  private readonly prefix = encode(this.docName);

  protected onMessage(data: Buffer): void {
    const r = new Reader(data);
    if (
      data.length > this.prefix.length &&
      data.compare(this.prefix, 0, this.prefix.length, 0, this.prefix.length) === 0
    ) {
      r.pos = this.prefix.length;
    } else r.string(); // another document name (not expected: one document per connection)
    const type = r.uint();
    switch (type) {
      case MSG_SYNC:
      case HP_SYNC_REPLY: {
        const sub = r.uint();
        if (sub === UPDATE) this.hooks.onRemoteBytes(this, data);
        else if (sub === STEP1) {
          this.statusesToSkip++;
          this.send(encode(this.docName, MSG_SYNC, STEP2, this.own.diff(r.bytes())));
        } else if (sub === STEP2) this.synced?.resolve(r.bytes());
        break;
      }
      case HP_SYNC_STATUS: {
        const ok = r.uint() === 1;
        if (this.statusesToSkip > 0) {
          this.statusesToSkip--;
          break;
        }
        const sentAt = this.sentAt.shift();
        if (sentAt !== undefined) {
          this.pendingAcks--;
          this.hooks.onAck(this, sentAt, ok, ok ? undefined : 'sync status false');
        }
        break;
      }
      case HP_AUTH: {
        const sub = r.uint();
        if (sub === HP_AUTH_DENIED) this.fail(`permission denied: ${r.string()}`);
        else if (sub !== HP_AUTH_OK && sub !== HP_AUTH_TOKEN) throw new Error(`auth ${sub}`);
        break;
      }
      case MSG_AWARENESS:
        break;
      default:
        // Other Hocuspocus messages (stateless, close, ...) are not used by the benchmark.
        break;
    }
  }
}

interface OpenAck {
  ok: boolean;
  update?: Uint8Array;
  stateVector?: Uint8Array;
  seq?: number;
  error?: { code: string; message: string };
}

/** Coalesce: Socket.IO namespace /collab, doc:open and doc:update with acknowledgements. */
export class RawCoalesceClient implements BenchClient {
  private socket: Socket | null = null;
  private readonly own = new OwnDoc();
  private counter = 0;
  alive = false;
  pendingAcks = 0;
  private closing = false;

  constructor(
    readonly index: number,
    readonly docName: string,
    private readonly target: Target,
    private readonly hooks: ClientHooks,
  ) {}

  connect(): Promise<void> {
    const socket = io(`http://127.0.0.1:${this.target.port}${COLLAB_NAMESPACE}`, {
      transports: ['websocket'],
      parser: collabWireParser,
      auth: { token: this.target.token },
      reconnection: false,
      forceNew: true,
      timeout: OPEN_TIMEOUT_MS,
    });
    this.socket = socket;
    const connected = deferred<void>();
    socket.on('connect', () => {
      this.alive = true;
      connected.resolve();
    });
    socket.on('connect_error', (error) => connected.reject(error));
    socket.on('disconnect', (reason) => {
      const wasAlive = this.alive;
      this.alive = false;
      if (wasAlive && !this.closing) this.hooks.onClosed(this, `disconnect: ${reason}`);
    });
    socket.on(CollabEvents.DocUpdate, (msg: { docId: string; update: Uint8Array }) => {
      if (msg.docId === this.docName) this.hooks.onRemoteBytes(this, msg.update);
    });
    return withTimeout(connected.promise, OPEN_TIMEOUT_MS, `connect client ${this.index}`);
  }

  async open(): Promise<Uint8Array> {
    if (!this.socket) throw new Error('not connected');
    const ack = (await this.socket.timeout(OPEN_TIMEOUT_MS).emitWithAck(CollabEvents.DocOpen, {
      docId: this.docName,
      stateVector: this.own.stateVector(),
    })) as OpenAck;
    if (!ack.ok || !ack.update) {
      throw new Error(`doc:open refused: ${ack.error?.code ?? '?'} ${ack.error?.message ?? ''}`);
    }
    return ack.update;
  }

  insert(text: string, at?: number): void {
    const update = this.own.insert(text, at);
    const sentAt = performance.now();
    this.pendingAcks++;
    const n = ++this.counter;
    // Unique across workers, documents and runs (an index-counter-time id could collide).
    const updateId = randomUUID();
    this.socket?.emit(
      CollabEvents.DocUpdate,
      { docId: this.docName, update, updateId },
      (ack: { ok: boolean; error?: { code: string; message?: string } }) => {
        this.pendingAcks--;
        this.hooks.onAck(this, sentAt, ack?.ok === true, ack?.ok ? undefined : ack?.error?.code, {
          message: ack?.error?.message,
          seq: n,
        });
      },
    );
  }

  keepAlive(): void {}

  ownState(): Uint8Array {
    return this.own.state();
  }

  close(): void {
    this.closing = true;
    this.alive = false;
    this.socket?.disconnect();
  }
}
