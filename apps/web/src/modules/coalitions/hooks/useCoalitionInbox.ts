import { useQuery } from '@tanstack/react-query';
import { coalitionKeys, coalitionsApi } from '../api/coalitionsApi';

/** Coalition invitations addressed to the user's organization (org admins only). */
export function useCoalitionInbox(enabled: boolean) {
  return useQuery({ queryKey: coalitionKeys.inbox, queryFn: coalitionsApi.inbox, enabled });
}
