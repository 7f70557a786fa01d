import { useEffect, useState } from 'react';
import type { DocHandle } from '@coalesce/collab-client';
import type { CollabDocState } from '../../documents/editor/hooks/useCollabDoc';
import { realtimeClient } from '../../../lib/realtimeClient';

function snapshot(handle: DocHandle): CollabDocState {
  return {
    handle,
    status: handle.status,
    pending: handle.pendingUpdates,
    role: handle.role,
    lastError: handle.lastError,
    revoked: handle.revoked,
  };
}

/**
 * Opens several documents on the tab's realtime connection (a case map and its private layers) for
 * as long as the component lives and they are asked for, and follows each one's status. A document
 * no longer asked for is closed (its outbox drained first by the client).
 */
export function useOpenDocs(docIds: readonly string[]): ReadonlyMap<string, CollabDocState> {
  const [states, setStates] = useState<ReadonlyMap<string, CollabDocState>>(new Map());
  const key = [...docIds].sort().join(',');

  useEffect(() => {
    const ids = key ? key.split(',') : [];
    const handles = ids.map((id) => realtimeClient().openDoc(id));
    const refresh = () => setStates(new Map(handles.map((h) => [h.docId, snapshot(h)])));
    refresh();
    const offs = handles.flatMap((handle) => [
      handle.on('status', refresh),
      handle.on('role', refresh),
      handle.on('error', refresh),
    ]);
    return () => {
      for (const off of offs) off();
      for (const handle of handles) void handle.close();
    };
  }, [key]);

  return states;
}
