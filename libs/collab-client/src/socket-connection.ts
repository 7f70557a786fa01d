import { io, type Socket } from 'socket.io-client';
import {
  COLLAB_NAMESPACE,
  CollabEvents,
  collabWireParser,
  type CollabAck,
  type CollabError,
  type CollabEventName,
  type ServerDisconnectMessage,
} from '@coalesce/protocol';
import { backoffDelay } from './backoff.js';
import type { ResolvedOptions } from './collab-client.options.js';
import { connectErrorOf, isFatalAuthError } from './errors.js';
import type { Transport } from './transport.js';
import type { ConnectionStatus } from './types.js';

/** TOKEN_EXPIRED refusals in a row (with a fresh token each time) before giving up. */
const MAX_TOKEN_EXPIRED_RETRIES = 5;

export interface ConnectionStats {
  /** Successful handshakes. */
  connects: number;
  /** connect_error events (transport failures and refusals). */
  connectErrors: number;
  /** getToken() calls. */
  tokenFetches: number;
}

export interface ConnectionHooks {
  onStatus(status: ConnectionStatus): void;
  onConnected(): void;
  onDisconnected(): void;
}

function unavailable(message: string): CollabAck<never> {
  return { ok: false, error: { code: 'UNAVAILABLE', message } };
}

function normalizeAck<T extends object>(ack: unknown): CollabAck<T> {
  const value = ack as { ok?: unknown; error?: { code?: unknown; message?: unknown } } | null;
  if (value && value.ok === true) return value as CollabAck<T>;
  if (value && value.ok === false && typeof value.error?.code === 'string') {
    return value as CollabAck<T>;
  }
  return { ok: false, error: { code: 'INTERNAL', message: 'Malformed acknowledgement.' } };
}

/**
 * The one Socket.IO connection to `${url}/collab`: handshake with a fresh token on every attempt,
 * reconnection policy for refusals Socket.IO does not retry by itself, acks with timeouts.
 */
export class SocketConnection implements Transport {
  readonly socket: Socket;
  readonly stats: ConnectionStats = { connects: 0, connectErrors: 0, tokenFetches: 0 };
  private _status: ConnectionStatus;
  private _epoch = 0;
  private _lastError: CollabError | null = null;
  private tokenError: CollabError | null = null;
  private expiredStreak = 0;
  private retryAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly options: ResolvedOptions,
    private readonly hooks: ConnectionHooks,
  ) {
    const factory = options.socketFactory ?? io;
    this.socket = factory(options.url + COLLAB_NAMESPACE, {
      autoConnect: false,
      forceNew: true, // one connection per client, never shared through Socket.IO's manager cache
      transports: options.transports,
      parser: collabWireParser,
      reconnection: true,
      reconnectionDelay: options.reconnectionDelayMs,
      reconnectionDelayMax: options.reconnectionDelayMaxMs,
      auth: (cb) => this.provideToken(cb),
    });
    this._status = options.autoConnect ? 'connecting' : 'offline';
    this.socket.on('connect', this.onConnect);
    this.socket.on('disconnect', this.onDisconnect);
    this.socket.on('connect_error', this.onConnectError);
    this.socket.on(CollabEvents.ServerDisconnect, this.onServerDisconnect);
    if (options.autoConnect) this.socket.connect();
  }

  get status(): ConnectionStatus {
    return this._status;
  }

  get epoch(): number {
    return this._epoch;
  }

  /** Why the last attempt failed (cleared on connect). */
  get lastError(): CollabError | null {
    return this._lastError;
  }

  /** Connects if not connected; after `auth-failed`, tries again (getToken is called again). */
  connect(): void {
    if (this._status === 'closed') throw new Error('CollabClient is closed.');
    if (this.socket.connected) return;
    this.clearRetry();
    this.expiredStreak = 0;
    this.setStatus('connecting');
    this.socket.connect();
  }

  close(): void {
    if (this._status === 'closed') return;
    this.clearRetry();
    this.setStatus('closed');
    this.socket.off('connect', this.onConnect);
    this.socket.off('disconnect', this.onDisconnect);
    this.socket.off('connect_error', this.onConnectError);
    this.socket.off(CollabEvents.ServerDisconnect, this.onServerDisconnect);
    this.socket.disconnect();
  }

  request<T extends object>(event: CollabEventName, payload: object): Promise<CollabAck<T>> {
    if (this._status !== 'connected' || !this.socket.connected) {
      return Promise.resolve(unavailable('Not connected.'));
    }
    const timeoutMs = this.options.ackTimeoutMs;
    return new Promise((resolve) => {
      this.socket.timeout(timeoutMs).emit(event, payload, (err: Error | null, ack: unknown) => {
        if (err) {
          const timedOut = /timed out/.test(err.message);
          resolve(
            unavailable(
              timedOut ? `No answer to ${event} within ${timeoutMs} ms.` : 'Disconnected.',
            ),
          );
        } else {
          resolve(normalizeAck<T>(ack));
        }
      });
    });
  }

  notify(event: CollabEventName, payload: object): void {
    if (this._status === 'connected' && this.socket.connected) this.socket.emit(event, payload);
  }

  private provideToken(cb: (data: object) => void): void {
    this.stats.tokenFetches++;
    this.options.getToken().then(
      (token) => {
        this.tokenError = null;
        cb({ token });
      },
      (error: unknown) => {
        // The server refuses the empty token; onConnectError then retries later instead of giving up.
        this.tokenError = {
          code: 'UNAUTHENTICATED',
          message: `getToken() failed: ${String(error)}`,
        };
        cb({ token: '' });
      },
    );
  }

  private readonly onConnect = (): void => {
    this._epoch++;
    this.stats.connects++;
    this.expiredStreak = 0;
    this.retryAttempt = 0;
    this._lastError = null;
    this.clearRetry();
    this.setStatus('connected');
    this.hooks.onConnected();
  };

  private readonly onDisconnect = (reason: Socket.DisconnectReason): void => {
    // Never replay emits buffered on a dead connection: doc:open must precede doc:update.
    this.socket.sendBuffer = [];
    this.setStatus('offline');
    this.hooks.onDisconnected();
    // The server ended the session (shutdown, token expiry, flood): Socket.IO does not come back
    // by itself. If the session is really over, the next handshake says so.
    if (reason === 'io server disconnect') this.retryLater();
  };

  /** The server says why it is about to disconnect (e.g. a restart): kept as `lastError`. */
  private readonly onServerDisconnect = (notice: ServerDisconnectMessage): void => {
    this._lastError = {
      code: 'UNAVAILABLE',
      message: typeof notice?.message === 'string' ? notice.message : 'Disconnected by the server.',
    };
  };

  private readonly onConnectError = (err: Error): void => {
    this.stats.connectErrors++;
    const error = connectErrorOf(err);
    if (this.socket.active) {
      // A transport failure: Socket.IO keeps retrying with its backoff.
      this._lastError = error;
      this.setStatus('offline');
      return;
    }
    // Refused by the server's handshake middleware: Socket.IO does not retry.
    if (this.tokenError) {
      this._lastError = this.tokenError;
      this.retryLater();
    } else if (error.code === 'TOKEN_EXPIRED' && this.expiredStreak < MAX_TOKEN_EXPIRED_RETRIES) {
      this._lastError = error;
      this.expiredStreak++;
      this.retryLater(this.expiredStreak === 1 ? 0 : undefined);
    } else if (error.code === 'TOKEN_EXPIRED' || isFatalAuthError(error.code)) {
      this._lastError = error;
      this.setStatus('auth-failed');
    } else {
      this._lastError = error;
      this.retryLater();
    }
  };

  /** Connects again after a backoff delay (getToken is called again by the handshake). */
  private retryLater(delayMs?: number): void {
    if (this._status === 'closed' || this._status === 'auth-failed') return;
    this.setStatus('offline');
    this.clearRetry();
    const delay =
      delayMs ??
      backoffDelay(
        this.retryAttempt++,
        this.options.reconnectionDelayMs,
        this.options.reconnectionDelayMaxMs,
      );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this._status === 'offline' && !this.socket.connected) this.socket.connect();
    }, delay);
  }

  private clearRetry(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this._status) return;
    this._status = status;
    this.hooks.onStatus(status);
  }
}
