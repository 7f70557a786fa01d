import type { CollabError } from '@coalesce/protocol';
import type { DocStatus } from '@coalesce/collab-client';

export type DocStatusTone = 'ok' | 'busy' | 'offline' | 'error';

export interface DocStatusView {
  label: string;
  tone: DocStatusTone;
}

export interface DocStatusInput {
  status: DocStatus;
  /** Local updates still waiting for the server's acknowledgement. */
  pending: number;
  lastError: CollabError | null;
  revoked: boolean;
  /** A paste refused by the editor before it reached the engine. */
  localError?: string | null;
  /** The browser says it has no network (the socket may take seconds to notice). */
  browserOffline?: boolean;
}

export const TOO_LARGE_MESSAGE = 'That paste is too large to save';

/**
 * What the status line says, from the engine's own state: "All changes saved" only when the
 * document is open and nothing waits in the outbox; never a comforting lie.
 */
export function docStatusLabel(input: DocStatusInput): DocStatusView {
  const { status, pending, lastError, revoked, localError, browserOffline } = input;
  if (localError) return { label: localError, tone: 'error' };
  if (revoked) return { label: 'Access to this document was withdrawn', tone: 'error' };
  if (browserOffline && status !== 'error' && status !== 'closed') {
    return { label: 'Offline — changes will sync', tone: 'offline' };
  }
  switch (status) {
    case 'error':
      return { label: errorLabel(lastError), tone: 'error' };
    case 'offline':
      return { label: 'Offline — changes will sync', tone: 'offline' };
    case 'connecting':
      return pending > 0
        ? { label: 'Saving…', tone: 'busy' }
        : { label: 'Connecting…', tone: 'busy' };
    case 'saving':
      return { label: 'Saving…', tone: 'busy' };
    case 'synced':
      return pending > 0
        ? { label: 'Saving…', tone: 'busy' }
        : { label: 'All changes saved', tone: 'ok' };
    case 'closed':
    default:
      return { label: 'Closed', tone: 'offline' };
  }
}

function errorLabel(error: CollabError | null): string {
  if (!error) return 'Changes could not be saved';
  switch (error.code) {
    case 'PAYLOAD_TOO_LARGE':
      return TOO_LARGE_MESSAGE;
    case 'FORBIDDEN':
      return 'You can no longer edit this document';
    case 'NOT_FOUND':
      return 'This document no longer exists';
    default:
      return `Changes could not be saved: ${error.message}`;
  }
}
