import { useEffect, useState } from 'react';
import type { DocHandle, DocStatus } from '@coalesce/collab-client';
import type { CollabError, DocRole } from '@coalesce/protocol';
import { realtimeClient } from '../../../../lib/realtimeClient';

export interface CollabDocState {
  handle: DocHandle | null;
  status: DocStatus;
  pending: number;
  role: DocRole | null;
  lastError: CollabError | null;
  revoked: boolean;
}

const INITIAL: CollabDocState = {
  handle: null,
  status: 'connecting',
  pending: 0,
  role: null,
  lastError: null,
  revoked: false,
};

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
 * Opens the document on the tab's realtime connection for as long as the component lives, and
 * follows its status. Closing drains the outbox first (the client waits for the acks).
 */
export function useCollabDoc(docId: string): CollabDocState {
  const [state, setState] = useState<CollabDocState>(INITIAL);

  useEffect(() => {
    const handle = realtimeClient().openDoc(docId);
    const refresh = () => setState(snapshot(handle));
    refresh();
    const offs = [
      handle.on('status', refresh),
      handle.on('role', refresh),
      handle.on('error', refresh),
    ];
    return () => {
      for (const off of offs) off();
      setState(INITIAL);
      void handle.close();
    };
  }, [docId]);

  return state;
}
