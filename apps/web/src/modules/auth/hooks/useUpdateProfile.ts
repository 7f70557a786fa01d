import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProfileUpdate } from '@coalesce/protocol';
import { authApi, meQueryKey } from '../api/authApi';

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProfileUpdate) => authApi.updateMe(input),
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      return queryClient.invalidateQueries({ queryKey: ['organization', 'members'] });
    },
  });
}
