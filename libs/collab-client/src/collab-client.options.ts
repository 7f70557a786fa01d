import { MAX_AWARENESS_BYTES, MAX_UPDATE_BYTES } from '@coalesce/protocol';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';

/** Creates the Socket.IO socket for `${url}/collab`; replaceable in tests. */
export type SocketFactory = (
  namespaceUrl: string,
  options: Partial<ManagerOptions & SocketOptions>,
) => Socket;

export interface CollabClientOptions {
  /** Origin of the API, e.g. `https://coalesce.example` (the `/collab` namespace is appended). */
  url: string;
  /** Returns a valid access token; called before every (re)connect attempt. */
  getToken: () => Promise<string>;
  socketFactory?: SocketFactory;
  /** Socket.IO transports. Default `['websocket']`. */
  transports?: Array<'websocket' | 'polling' | 'webtransport'>;
  /** Connect immediately in the constructor. Default true. */
  autoConnect?: boolean;
  /** Socket.IO reconnection delay (first) and cap, in ms. Defaults 500 and 5000. */
  reconnectionDelayMs?: number;
  reconnectionDelayMaxMs?: number;
  /** How long to wait for an ack before treating the message as lost. Default 30000. */
  ackTimeoutMs?: number;
  /** How long a seq gap may stay open before doc:sync repairs it. Default 300. */
  gapRepairDelayMs?: number;
  /**
   * Every open document is re-synced (doc:sync) about this often (75–125% of it, at random, so
   * clients started together spread out), which repairs a lost *last* broadcast (a gap is only
   * visible once a later seq arrives). 0 disables. Default 60000.
   */
  resyncIntervalMs?: number;
  /** doc:update messages in flight per document. Default 16. */
  maxInFlight?: number;
  /** Awareness updates per document at most every this many ms. Default 50. */
  awarenessThrottleMs?: number;
  /** Backoff of retryable error acks (RATE_LIMITED, UNAVAILABLE): first delay and cap. Defaults 250, 10000. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** `DocHandle.close()` waits this long for the outbox to drain before giving up. Default 10000. */
  closeTimeoutMs?: number;
}

export interface ResolvedDocOptions {
  ackTimeoutMs: number;
  gapRepairDelayMs: number;
  maxInFlight: number;
  maxUpdateBytes: number;
  mergeLimitBytes: number;
  compactAfter: number;
  awarenessThrottleMs: number;
  maxAwarenessBytes: number;
  retryBaseMs: number;
  retryMaxMs: number;
  maxUnknownErrorAttempts: number;
  closeTimeoutMs: number;
}

export interface ResolvedOptions extends ResolvedDocOptions {
  url: string;
  getToken: () => Promise<string>;
  socketFactory: SocketFactory | null;
  transports: Array<'websocket' | 'polling' | 'webtransport'>;
  autoConnect: boolean;
  reconnectionDelayMs: number;
  reconnectionDelayMaxMs: number;
  resyncIntervalMs: number;
}

export function resolveOptions(options: CollabClientOptions): ResolvedOptions {
  if (!options.url) throw new TypeError('CollabClient: `url` is required.');
  if (typeof options.getToken !== 'function') {
    throw new TypeError('CollabClient: `getToken` must be a function returning a token.');
  }
  return {
    url: options.url.replace(/\/+$/, ''),
    getToken: options.getToken,
    socketFactory: options.socketFactory ?? null,
    transports: options.transports ?? ['websocket'],
    autoConnect: options.autoConnect ?? true,
    reconnectionDelayMs: options.reconnectionDelayMs ?? 500,
    reconnectionDelayMaxMs: options.reconnectionDelayMaxMs ?? 5000,
    ackTimeoutMs: options.ackTimeoutMs ?? 30_000,
    gapRepairDelayMs: options.gapRepairDelayMs ?? 300,
    resyncIntervalMs: options.resyncIntervalMs ?? 60_000,
    maxInFlight: Math.max(1, options.maxInFlight ?? 16),
    maxUpdateBytes: MAX_UPDATE_BYTES,
    mergeLimitBytes: Math.floor(MAX_UPDATE_BYTES / 2),
    compactAfter: 256,
    awarenessThrottleMs: options.awarenessThrottleMs ?? 50,
    maxAwarenessBytes: MAX_AWARENESS_BYTES,
    retryBaseMs: options.retryBaseMs ?? 250,
    retryMaxMs: options.retryMaxMs ?? 10_000,
    maxUnknownErrorAttempts: 5,
    closeTimeoutMs: options.closeTimeoutMs ?? 10_000,
  };
}
