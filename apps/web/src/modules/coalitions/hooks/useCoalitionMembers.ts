import { useQuery } from '@tanstack/react-query';
import { coalitionKeys, coalitionsApi } from '../api/coalitionsApi';

export function useCoalitionMembers(coalitionId: string) {
  return useQuery({
    queryKey: coalitionKeys.members(coalitionId),
    queryFn: () => coalitionsApi.members(coalitionId),
  });
}
