import type { DocStatus } from '@coalesce/collab-client';
import type { CollabError } from '@coalesce/protocol';
import type { DocStatusInput } from '../../documents/editor/utils/docStatusLabel';

interface DocStateLike {
  status: DocStatus;
  pending: number;
  lastError: CollabError | null;
  revoked: boolean;
}

const WORST_FIRST: DocStatus[] = ['error', 'closed', 'offline', 'connecting', 'saving', 'synced'];

/**
 * One status for a map made of several documents (the shared map and the layers the viewer
 * writes): "saved" only when every one of them is saved; otherwise the worst of them.
 */
export function combinedDocStatus(states: readonly DocStateLike[]): DocStatusInput {
  if (states.length === 0)
    return { status: 'connecting', pending: 0, lastError: null, revoked: false };
  const rank = (s: DocStatus) => WORST_FIRST.indexOf(s);
  const worst = states.reduce((a, b) => (rank(b.status) < rank(a.status) ? b : a));
  return {
    status: worst.status,
    pending: states.reduce((sum, s) => sum + s.pending, 0),
    lastError: worst.lastError ?? states.find((s) => s.lastError)?.lastError ?? null,
    revoked: states[0].revoked,
  };
}
