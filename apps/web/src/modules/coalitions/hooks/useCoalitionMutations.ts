import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CoalitionCreate, CoalitionUpdate, LeaveContributions } from '@coalesce/protocol';
import type { CoalitionRole } from '@coalesce/domain';
import { meQueryKey } from '../../auth/api/authApi';
import { coalitionKeys, coalitionsApi } from '../api/coalitionsApi';
import type { CoalitionInviteRequest } from '../api/coalitionsApi';

/** Everything shown about one coalition is refreshed after a change to it. */
function useRefreshCoalition(coalitionId: string) {
  const queryClient = useQueryClient();
  return (alsoMe = false) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: coalitionKeys.one(coalitionId) }),
      alsoMe ? queryClient.invalidateQueries({ queryKey: meQueryKey }) : null,
    ]);
}

export function useCreateCoalition() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CoalitionCreate) => coalitionsApi.create(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

export function useUpdateCoalition(coalitionId: string) {
  const refresh = useRefreshCoalition(coalitionId);
  return useMutation({
    mutationFn: (input: CoalitionUpdate) => coalitionsApi.update(coalitionId, input),
    onSuccess: () => refresh(true),
  });
}

export function useSetCoalitionMemberRole(coalitionId: string) {
  const refresh = useRefreshCoalition(coalitionId);
  return useMutation({
    mutationFn: ({ orgId, role }: { orgId: string; role: CoalitionRole }) =>
      coalitionsApi.setMemberRole(coalitionId, orgId, role),
    onSuccess: () => refresh(true),
  });
}

export function useRemoveCoalitionMember(coalitionId: string) {
  const refresh = useRefreshCoalition(coalitionId);
  return useMutation({
    mutationFn: (orgId: string) => coalitionsApi.removeMember(coalitionId, orgId),
    onSuccess: () => refresh(),
  });
}

export function useLeaveCoalition(coalitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contributions: LeaveContributions) =>
      coalitionsApi.leave(coalitionId, contributions),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: coalitionKeys.one(coalitionId) });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useInviteOrganization(coalitionId: string) {
  const refresh = useRefreshCoalition(coalitionId);
  return useMutation({
    mutationFn: (input: CoalitionInviteRequest) => coalitionsApi.invite(coalitionId, input),
    onSuccess: () => refresh(),
  });
}

export function useRevokeCoalitionInvite(coalitionId: string) {
  const refresh = useRefreshCoalition(coalitionId);
  return useMutation({
    mutationFn: (inviteId: string) => coalitionsApi.revokeInvite(coalitionId, inviteId),
    onSuccess: () => refresh(),
  });
}

/** Accepts an invitation from the inbox (by id) or from a link (by token). */
export function useAcceptCoalitionInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (by: { inviteId: string } | { token: string }) =>
      'token' in by ? coalitionsApi.acceptByToken(by.token) : coalitionsApi.acceptById(by.inviteId),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: meQueryKey }),
        queryClient.invalidateQueries({ queryKey: coalitionKeys.inbox }),
      ]),
  });
}
