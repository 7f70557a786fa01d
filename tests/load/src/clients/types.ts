export type ServerKind = 'ywebsocket' | 'hocuspocus' | 'coalesce';
export type ClientMode = 'raw' | 'full';

/** Where a client connects: the server kind, its port, and (Coalesce) the access token. */
export interface Target {
  kind: ServerKind;
  port: number;
  token?: string;
}

export interface ClientHooks {
  /** Bytes of a remote update as received (raw: the wire message; full: the applied update). */
  onRemoteBytes(client: BenchClient, bytes: Uint8Array): void;
  /** Server acknowledgement of one of this client's updates (Coalesce: after commit; Hocuspocus: after apply). */
  onAck(
    client: BenchClient,
    sentAtMs: number,
    ok: boolean,
    error?: string,
    detail?: { message?: string; seq?: number },
  ): void;
  /** Transport closed or failed after the client was connected. */
  onClosed(client: BenchClient, reason: string): void;
}

export interface BenchClient {
  readonly index: number;
  readonly docName: string;
  /** Number of updates sent whose acknowledgement has not arrived (servers that ack). */
  readonly pendingAcks: number;
  readonly alive: boolean;
  /** Opens the transport (for y-websocket, the connection is bound to the document). */
  connect(): Promise<void>;
  /** Syncs the document; resolves with the server's state update once it has arrived. */
  open(): Promise<Uint8Array>;
  /** Inserts text in one transaction (at the end, or at a position) and sends the update. */
  insert(text: string, at?: number): void;
  /** Keeps the transport alive without changing anything (some servers close silent sockets). */
  keepAlive(): void;
  close(): void;
}
