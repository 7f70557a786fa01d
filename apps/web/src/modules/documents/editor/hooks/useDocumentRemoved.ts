import { useEffect } from 'react';
import type { EntityChanged } from '@coalesce/protocol';
import { realtimeClient } from '../../../../lib/realtimeClient';

/** Calls back when the server announces that the document was deleted. */
export function useDocumentRemoved(docId: string, onRemoved: () => void): void {
  useEffect(() => {
    return realtimeClient().on('entity:changed', (change: EntityChanged) => {
      if (change.type === 'document' && change.id === docId && change.action === 'deleted') {
        onRemoved();
      }
    });
  }, [docId, onRemoved]);
}
