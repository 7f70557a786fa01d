import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OrganizationUpdate } from '@coalesce/protocol';
import type { OrgRole } from '@coalesce/domain';
import { meQueryKey } from '../../auth/api/authApi';
import { useReauth } from '../../two-factor/hooks/useReauth';
import { organizationKeys, organizationsApi } from '../api/organizationsApi';
import type { OrgInviteRequest } from '../api/organizationsApi';

export function useUpdateOrganization() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganizationUpdate) => organizationsApi.update(input),
    onSuccess: (org) => {
      queryClient.setQueryData(organizationKeys.current, org);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
        queryClient.invalidateQueries({ queryKey: ['organizations'] }),
        queryClient.invalidateQueries({ queryKey: ['coalitions'] }),
      ]);
    },
  });
}

export function useSetOrgMemberRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: OrgRole }) =>
      organizationsApi.setMemberRole(userId, role),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organizationKeys.members }),
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
      ]),
  });
}

export function useSetOrgMemberDisabled() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, disabled }: { userId: string; disabled: boolean }) =>
      organizationsApi.setMemberDisabled(userId, disabled),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.members }),
  });
}

/** Resets a member's second factor (asks the admin to confirm their password first if needed). */
export function useResetOrgMemberTwoFactor() {
  const queryClient = useQueryClient();
  const { withReauth } = useReauth();
  return useMutation({
    mutationFn: (userId: string) => withReauth(() => organizationsApi.resetMemberTwoFactor(userId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.members }),
  });
}

export function useCreateOrgInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgInviteRequest) => organizationsApi.createInvite(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invites }),
  });
}

export function useRevokeOrgInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (inviteId: string) => organizationsApi.revokeInvite(inviteId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organizationKeys.invites }),
  });
}
