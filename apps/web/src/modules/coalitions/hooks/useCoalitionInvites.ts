import { useQuery } from '@tanstack/react-query';
import { coalitionKeys, coalitionsApi } from '../api/coalitionsApi';

/** Pending and past invitations of a coalition (coordinators only, hence `enabled`). */
export function useCoalitionInvites(coalitionId: string, enabled: boolean) {
  return useQuery({
    queryKey: coalitionKeys.invites(coalitionId),
    queryFn: () => coalitionsApi.invites(coalitionId),
    enabled,
  });
}
