/**
 * Full clients: a whole Y.Doc per client with the server's own provider (y-websocket's
 * WebsocketProvider, HocuspocusProvider, and Coalesce's @coalesce/collab-client). Every remote
 * update is applied to the Y.Doc;
 * the hooks see the update the document emits after applying it.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import { CollabClient, type DocHandle } from '@coalesce/collab-client';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { withTimeout } from '../lib/clock.js';
import type { BenchClient, ClientHooks, Target } from './types.js';

const TIMEOUT_MS = 30_000;

abstract class FullClient implements BenchClient {
  readonly doc = new Y.Doc();
  protected readonly text = this.doc.getText('t');
  alive = false;
  protected closing = false;

  constructor(
    readonly index: number,
    readonly docName: string,
    protected readonly target: Target,
    protected readonly hooks: ClientHooks,
  ) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== null && origin !== undefined) this.hooks.onRemoteBytes(this, update);
    });
  }

  abstract connect(): Promise<void>;
  abstract open(): Promise<Uint8Array>;
  abstract close(): void;
  keepAlive(): void {}
  /** Full clients of the reference servers have no acknowledgements to wait for. */
  get pendingAcks(): number {
    return 0;
  }

  insert(text: string, at?: number): void {
    this.text.insert(at ?? this.text.length, text);
  }
}

export class FullYWebsocketClient extends FullClient {
  private provider: WebsocketProvider | null = null;

  connect(): Promise<void> {
    const provider = new WebsocketProvider(
      `ws://127.0.0.1:${this.target.port}`,
      encodeURIComponent(this.docName),
      this.doc,
      {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        WebSocketPolyfill: WebSocket as any,
        disableBc: true,
        maxBackoffTime: 60_000,
      },
    );
    this.provider = provider;
    provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') this.alive = true;
      else if (status === 'disconnected' && this.alive && !this.closing) {
        this.alive = false;
        this.hooks.onClosed(this, 'provider disconnected');
      }
    });
    return withTimeout(
      new Promise<void>((resolve) => {
        if (provider.wsconnected) resolve();
        else
          provider.on('status', ({ status }: { status: string }) => {
            if (status === 'connected') resolve();
          });
      }),
      TIMEOUT_MS,
      `connect client ${this.index}`,
    );
  }

  open(): Promise<Uint8Array> {
    const provider = this.provider!;
    return withTimeout(
      new Promise<Uint8Array>((resolve) => {
        const done = () => resolve(Y.encodeStateAsUpdate(this.doc));
        if (provider.synced) done();
        else provider.once('sync', (synced: boolean) => synced && done());
      }),
      TIMEOUT_MS,
      `sync client ${this.index}`,
    );
  }

  close(): void {
    this.closing = true;
    this.alive = false;
    this.provider?.destroy();
  }
}

export class FullHocuspocusClient extends FullClient {
  private provider: HocuspocusProvider | null = null;
  private synced: Promise<void> | null = null;

  connect(): Promise<void> {
    let onSynced!: () => void;
    this.synced = new Promise<void>((resolve) => (onSynced = resolve));
    let onConnect!: () => void;
    const connected = new Promise<void>((resolve) => (onConnect = resolve));
    this.provider = new HocuspocusProvider({
      url: `ws://127.0.0.1:${this.target.port}`,
      name: this.docName,
      document: this.doc,
      WebSocketPolyfill: WebSocket,
      onConnect: () => {
        this.alive = true;
        onConnect();
      },
      onSynced: () => onSynced(),
      onDisconnect: () => {
        if (this.alive && !this.closing) this.hooks.onClosed(this, 'provider disconnected');
        this.alive = false;
      },
    } as ConstructorParameters<typeof HocuspocusProvider>[0]);
    return withTimeout(connected, TIMEOUT_MS, `connect client ${this.index}`);
  }

  async open(): Promise<Uint8Array> {
    await withTimeout(this.synced!, TIMEOUT_MS, `sync client ${this.index}`);
    return Y.encodeStateAsUpdate(this.doc);
  }

  close(): void {
    this.closing = true;
    this.alive = false;
    this.provider?.destroy();
  }
}

/** Coalesce: the project's own client library (@coalesce/collab-client), one connection per client. */
export class FullCoalesceClient extends FullClient {
  private client: CollabClient | null = null;
  private handle: DocHandle | null = null;

  override get pendingAcks(): number {
    return this.handle?.pendingUpdates ?? 0;
  }

  connect(): Promise<void> {
    const token = this.target.token ?? '';
    const client = new CollabClient({
      url: `http://127.0.0.1:${this.target.port}`,
      getToken: async () => token,
      resyncIntervalMs: 0,
    });
    this.client = client;
    return withTimeout(
      new Promise<void>((resolve, reject) => {
        client.on('status', (status) => {
          if (status === 'connected') {
            this.alive = true;
            resolve();
          } else if (status === 'auth-failed') reject(new Error('auth-failed'));
          else if (this.alive && !this.closing && status !== 'connecting') {
            this.alive = false;
            this.hooks.onClosed(this, `status ${status}`);
          }
        });
      }),
      TIMEOUT_MS,
      `connect client ${this.index}`,
    );
  }

  async open(): Promise<Uint8Array> {
    this.handle = this.client!.openDoc(this.docName, this.doc);
    await withTimeout(this.handle.whenSynced(), TIMEOUT_MS, `sync client ${this.index}`);
    return Y.encodeStateAsUpdate(this.doc);
  }

  close(): void {
    this.closing = true;
    this.alive = false;
    this.client?.close();
  }
}
