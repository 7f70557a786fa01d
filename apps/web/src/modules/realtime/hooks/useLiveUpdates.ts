import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { EntityChanged } from '@coalesce/protocol';
import { closeRealtimeClient, realtimeClient } from '../../../lib/realtimeClient';
import { meQueryKey } from '../../auth/api/authApi';
import { orgDataKeys } from '../../organizations/api/orgDataApi';

/**
 * Live by default: when anyone changes something of a coalition, the server pushes
 * `entity:changed` and the affected queries refresh, so no page needs a reload.
 */
export function useLiveUpdates(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const client = realtimeClient();
    const off = client.on('entity:changed', (change: EntityChanged) => {
      if (change.type === 'notification') {
        void queryClient.invalidateQueries({ queryKey: ['notifications'] });
        return;
      }
      if (change.type === 'org-export') {
        void queryClient.invalidateQueries({ queryKey: orgDataKeys.all });
        return;
      }
      if (!change.coalitionId) return;
      void queryClient.invalidateQueries({ queryKey: ['coalitions', change.coalitionId] });
      if (change.type === 'document') {
        void queryClient.invalidateQueries({ queryKey: ['documents', change.id] });
      }
      // A case map's layers and grants changed (announced with the map's id): reopen what may be read.
      if (change.type === 'case-map-layers') {
        void queryClient.invalidateQueries({ queryKey: ['documents', change.id] });
      }
      if (change.parentId) {
        void queryClient.invalidateQueries({ queryKey: ['documents', change.parentId] });
      }
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
