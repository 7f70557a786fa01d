import { useCallback, useState } from 'react';
import { useDocumentRemoved } from './useDocumentRemoved';

export type RemovalReason = 'revoked' | 'deleted';

/**
 * Whether the user lost the document under their feet: access withdrawn (doc:revoked on the
 * socket) or the document deleted (doc:revoked 'deleted' or entity:changed 'document' deleted).
 */
export function useDocumentRemoval(
  docId: string,
  revoked: boolean,
  revokedMessage: string | null,
): RemovalReason | null {
  const [deleted, setDeleted] = useState(false);
  const onDeleted = useCallback(() => setDeleted(true), []);
  useDocumentRemoved(docId, onDeleted);
  if (deleted || (revoked && revokedMessage?.includes('(deleted)'))) return 'deleted';
  return revoked ? 'revoked' : null;
}
