import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WorkingGroupUpdate } from '@coalesce/protocol';
import { workingGroupKeys, workingGroupsApi } from '../api/workingGroupsApi';
import type { WorkingGroupRequest } from '../api/workingGroupsApi';

function useRefreshGroups(coalitionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: workingGroupKeys.list(coalitionId) });
}

export function useCreateWorkingGroup(coalitionId: string) {
  const refresh = useRefreshGroups(coalitionId);
  return useMutation({
    mutationFn: (input: WorkingGroupRequest) => workingGroupsApi.create(coalitionId, input),
    onSuccess: refresh,
  });
}

export function useUpdateWorkingGroup(coalitionId: string) {
  const refresh = useRefreshGroups(coalitionId);
  return useMutation({
    mutationFn: ({ groupId, input }: { groupId: string; input: WorkingGroupUpdate }) =>
      workingGroupsApi.update(coalitionId, groupId, input),
    onSuccess: refresh,
  });
}

export function useDeleteWorkingGroup(coalitionId: string) {
  const refresh = useRefreshGroups(coalitionId);
  return useMutation({
    mutationFn: (groupId: string) => workingGroupsApi.remove(coalitionId, groupId),
    onSuccess: refresh,
  });
}
