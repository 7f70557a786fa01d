import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../../../ui/notify';
import { tasksApi } from '../api/tasksApi';
import type { ClaimCreateRequest, TaskCreateRequest } from '../api/tasksApi';

function useRefresh(coalitionId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['coalitions', coalitionId] });
}

export function useCreateTask(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (input: TaskCreateRequest) => tasksApi.create(coalitionId, input),
    onSuccess: refresh,
  });
}

export function useCommentOnTask(coalitionId: string, taskId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (body: string) => tasksApi.comment(coalitionId, taskId, body),
    onSuccess: refresh,
    onError: notifyError,
  });
}

export function useMergeTask(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ taskId, intoTaskId }: { taskId: string; intoTaskId: string }) =>
      tasksApi.merge(coalitionId, taskId, intoTaskId),
    onSuccess: refresh,
    onError: notifyError,
  });
}

export function useClaim(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (input: ClaimCreateRequest) => tasksApi.claim(coalitionId, input),
    onSuccess: refresh,
    onError: notifyError,
  });
}

export function useReleaseClaim(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (claimId: string) => tasksApi.release(coalitionId, claimId),
    onSuccess: refresh,
    onError: notifyError,
  });
}

export function useHandOffClaim(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ claimId, organizationId }: { claimId: string; organizationId: string }) =>
      tasksApi.handOff(coalitionId, claimId, organizationId),
    onSuccess: refresh,
    onError: notifyError,
  });
}

export function useRelateTask(coalitionId: string, taskId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ kind, otherTaskId }: { kind: string; otherTaskId: string }) =>
      tasksApi.relate(coalitionId, taskId, kind, otherTaskId),
    onSuccess: refresh,
    onError: notifyError,
  });
}
