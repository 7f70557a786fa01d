import { useEffect, useState } from 'react';
import type { PresenceMember, PresenceState } from '@coalesce/protocol';
import { realtimeClient } from '../../../lib/realtimeClient';

/**
 * Who is online in the coalition, read from the presence the app header already joined (this hook
 * neither joins nor leaves, so it never changes where the user appears).
 */
export function useOnlineMembers(coalitionId: string): PresenceMember[] {
  const [members, setMembers] = useState<PresenceMember[]>(
    () => realtimeClient().presence.getState(coalitionId)?.members ?? [],
  );
  useEffect(() => {
    const presence = realtimeClient().presence;
    setMembers(presence.getState(coalitionId)?.members ?? []);
    return presence.on('state', (state: PresenceState) => {
      if (state.coalitionId === coalitionId) setMembers(state.members);
    });
  }, [coalitionId]);
  return members;
}
