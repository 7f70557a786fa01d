import type { ConnectionStatus, DocStatus } from './types.js';

export interface DocStatusInput {
  closed: boolean;
  /** A sticky error (refused update, refused open, revoked). */
  errored: boolean;
  connection: ConnectionStatus;
  /** doc:open was acknowledged on the current connection. */
  opened: boolean;
  /** Outbox entries not yet acknowledged. */
  pending: number;
}

/** The status a DocHandle shows; `synced` only when nothing local is waiting. */
export function docStatus(input: DocStatusInput): DocStatus {
  if (input.closed) return 'closed';
  if (input.errored) return 'error';
  if (input.connection === 'connecting') return 'connecting';
  if (input.connection !== 'connected') return 'offline';
  if (!input.opened) return 'connecting';
  return input.pending > 0 ? 'saving' : 'synced';
}
