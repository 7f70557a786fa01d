import { useQuery } from '@tanstack/react-query';
import { coalitionKeys, coalitionsApi } from '../api/coalitionsApi';

export function useCoalition(coalitionId: string) {
  return useQuery({
    queryKey: coalitionKeys.one(coalitionId),
    queryFn: () => coalitionsApi.get(coalitionId),
  });
}
