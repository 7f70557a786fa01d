import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meQueryKey } from '../../auth/api/authApi';
import { twoFactorApi, twoFactorKeys } from '../api/twoFactorApi';
import { useReauth } from './useReauth';

/** Every change of the second factor asks to confirm it is you when the sign-in is not recent. */
export function useTwoFactorMutations() {
  const queryClient = useQueryClient();
  const { withReauth } = useReauth();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: twoFactorKeys.status }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
  return {
    start: useMutation({ mutationFn: () => withReauth(twoFactorApi.startEnrolment) }),
    confirm: useMutation({
      mutationFn: (code: string) => withReauth(() => twoFactorApi.confirmEnrolment(code)),
      onSuccess: refresh,
    }),
    regenerate: useMutation({
      mutationFn: () => withReauth(twoFactorApi.regenerateRecoveryCodes),
      onSuccess: refresh,
    }),
    disable: useMutation({
      mutationFn: () => withReauth(twoFactorApi.disable),
      onSuccess: refresh,
    }),
  };
}
