import { useQuery } from '@tanstack/react-query';
import { workingGroupKeys, workingGroupsApi } from '../api/workingGroupsApi';

export function useWorkingGroups(coalitionId: string) {
  return useQuery({
    queryKey: workingGroupKeys.list(coalitionId),
    queryFn: () => workingGroupsApi.list(coalitionId),
  });
}
