import type { CollabError, DocRole } from '@coalesce/protocol';

/**
 * State of the one Socket.IO connection.
 * - `connecting`: first attempt (or after `reconnect()`), not connected yet.
 * - `connected`: the handshake succeeded.
 * - `offline`: lost or refused for a transient reason; Socket.IO (or the client) keeps retrying.
 * - `auth-failed`: the server refused the token for good (UNAUTHENTICATED, SESSION_REVOKED, ...);
 *   no more attempts until `reconnect()`.
 * - `closed`: `close()` was called.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'offline' | 'auth-failed' | 'closed';

/**
 * State of one document, for an honest "All changes saved".
 * - `connecting`: not opened on the current connection yet.
 * - `synced`: connected, opened, and every local change is acknowledged (committed) by the server.
 * - `saving`: connected and opened, local changes still waiting for their acknowledgement.
 * - `offline`: the connection is down; local changes wait in the outbox.
 * - `error`: a change was refused for good, the open was refused, or access was revoked; see
 *   `lastError` and `revoked`. Sticky until `clearError()` (revocation stays).
 * - `closed`: the handle was closed.
 */
export type DocStatus = 'connecting' | 'synced' | 'saving' | 'offline' | 'error' | 'closed';

/** Counters, mostly for tests and diagnostics. */
export interface DocStats {
  /** doc:update messages sent (first sends and resends). */
  sent: number;
  /** Entries acknowledged with `{ok:true}`. */
  acked: number;
  /** Entries sent again with the same updateId (after a reconnect, a timeout or a retryable error). */
  resent: number;
  /** Entries folded into another with Y.mergeUpdates before their first send. */
  merged: number;
  /** Retryable error acks (RATE_LIMITED, UNAVAILABLE, ...). */
  retried: number;
  /** Entries dropped after a permanent error ack (or too large to send). */
  dropped: number;
  /** Local updates discarded without sending because the role is `view`. */
  discarded: number;
  /** doc:sync calls that repaired a seq gap. */
  gapsRepaired: number;
  /** OUT_OF_ORDER repairs: what the server was missing was sent again in front of the outbox. */
  baseRepairs: number;
  /** Periodic doc:sync calls (see `resyncIntervalMs`). */
  resyncs: number;
  /** doc:open acks applied (first open and re-opens). */
  opens: number;
  /** Remote updates applied (broadcasts). */
  remoteUpdates: number;
  /** Awareness updates sent. */
  awarenessSent: number;
  /** Entries still unacknowledged when the handle closed (offline past `closeTimeoutMs`). */
  abandoned: number;
}

export function createDocStats(): DocStats {
  return {
    sent: 0,
    acked: 0,
    resent: 0,
    merged: 0,
    retried: 0,
    dropped: 0,
    discarded: 0,
    gapsRepaired: 0,
    baseRepairs: 0,
    resyncs: 0,
    opens: 0,
    remoteUpdates: 0,
    awarenessSent: 0,
    abandoned: 0,
  };
}

export interface DocHandleEvents {
  status: DocStatus;
  /** The server rejected something for good (also reflected in `lastError`). */
  error: CollabError;
  /** The role the server granted on (re-)open. */
  role: DocRole;
}
