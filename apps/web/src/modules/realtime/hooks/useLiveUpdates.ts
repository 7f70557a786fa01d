import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EntityChanged } from '@coalesce/protocol';
import { closeRealtimeClient, realtimeClient } from '../../../lib/realtimeClient';
import { meQueryKey } from '../../auth/api/authApi';

/**
 * Live by default: when anyone changes something of a coalition, the server pushes
 * `entity:changed` and the affected queries refresh, so no page needs a reload.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const client = realtimeClient();
    const off = client.on('entity:changed', (change: EntityChanged) => {
      void queryClient.invalidateQueries({ queryKey: ['coalitions', change.coalitionId] });
      if (change.type === 'coalition-member' || change.type === 'coalition') {
        void queryClient.invalidateQueries({ queryKey: ['coalitions'], exact: true });
        void queryClient.invalidateQueries({ queryKey: meQueryKey });
      }
    });
    return () => {
      off();
      closeRealtimeClient();
    };
  }, [queryClient]);
}
