import { useEffect, useState } from 'react';
import type { PresenceMember, PresenceState } from '@coalesce/protocol';
import { realtimeClient } from '../../../lib/realtimeClient';

/** Who is online in the coalition right now (pushed by the server), announcing where we are. */
export function usePresence(coalitionId: string | null, page: string): PresenceMember[] {
  const [members, setMembers] = useState<PresenceMember[]>([]);
  useEffect(() => {
    if (!coalitionId) return;
    const presence = realtimeClient().presence;
    const off = presence.on('state', (state: PresenceState) => {
      if (state.coalitionId === coalitionId) setMembers(state.members);
    });
    presence
      .join(coalitionId, { page })
      .then((state) => setMembers(state.members))
      .catch(() => setMembers([]));
    return () => {
      off();
      void presence.leave(coalitionId).catch(() => undefined);
    };
  }, [coalitionId, page]);
  return members;
}
