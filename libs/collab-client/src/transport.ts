import type { CollabAck, CollabEventName } from '@coalesce/protocol';
import type { ConnectionStatus } from './types.js';

/**
 * What document handles and presence need from the CollabClient: the connection state and a way
 * to talk on it. Internal; keeps them free of Socket.IO.
 */
export interface Transport {
  readonly status: ConnectionStatus;
  /** Increments on every successful (re)connect. */
  readonly epoch: number;
  /**
   * Emits with an ack. Resolves `{ok:false, error:{code:'UNAVAILABLE'}}` when not connected, on
   * disconnect before the ack, or after the ack timeout. Never rejects.
   */
  request<T extends object>(event: CollabEventName, payload: object): Promise<CollabAck<T>>;
  /** Fire and forget (awareness); dropped when not connected. */
  notify(event: CollabEventName, payload: object): void;
}

export interface DocTransport extends Transport {
  /** Remote changes are applied with this transaction origin (the client). */
  readonly origin: object;
  /** The handle is closed: forget it. */
  release(docId: string): void;
}
