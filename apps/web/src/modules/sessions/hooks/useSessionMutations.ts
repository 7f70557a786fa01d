import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@coalesce/protocol';
import { sessionKeys, sessionsApi } from '../api/sessionsApi';

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sessionsApi.revoke(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}

export function useRevokeOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => sessionsApi.revokeOthers(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => sessionsApi.changePassword(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}
