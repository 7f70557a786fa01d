import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeEmailInput, ChangePasswordInput } from '@coalesce/protocol';
import { meQueryKey } from '../../auth/api/authApi';
import { useReauth } from '../../two-factor/hooks/useReauth';
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

/** Needs a recent sign-in: asks to confirm it is you when the server says so, then retries. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  const { withReauth } = useReauth();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => withReauth(() => sessionsApi.changePassword(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionKeys.list }),
  });
}

/** Needs a recent sign-in (like the password) and the current password. */
export function useChangeEmail() {
  const queryClient = useQueryClient();
  const { withReauth } = useReauth();
  return useMutation({
    mutationFn: (input: ChangeEmailInput) => withReauth(() => sessionsApi.changeEmail(input)),
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
