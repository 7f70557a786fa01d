import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { realtimeClient } from '../../../../lib/realtimeClient';

/**
 * A snapshot of the document for printing: opened on the connection, copied into a fresh Y.Doc
 * once synced, then closed (the printed copy never writes back).
 */
export function usePrintableDoc(docId: string): { doc: Y.Doc | null; error: string | null } {
  const [doc, setDoc] = useState<Y.Doc | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    let closed = false;
    const handle = realtimeClient().openDoc(docId);
    const release = () => {
      if (closed) return;
      closed = true;
      void handle.close();
    };
    handle
      .whenSynced()
      .then(() => {
        if (cancelled) return;
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(handle.doc));
        setDoc(copy);
      })
      .catch(() => {
        if (!cancelled) setError(handle.lastError?.message ?? 'The document could not be opened.');
      })
      .finally(release);
    return () => {
      cancelled = true;
      release();
    };
  }, [docId]);
  return { doc, error };
}
