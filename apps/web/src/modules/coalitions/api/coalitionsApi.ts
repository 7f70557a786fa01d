import type { z } from 'zod';
import type {
  CoalitionCreate,
  CoalitionDto,
  CoalitionInviteDto,
  CoalitionMemberDto,
  CoalitionUpdate,
  InvitePreviewDto,
  LeaveContributions,
  coalitionInviteCreateSchema,
} from '@coalesce/protocol';
import type { CoalitionRole } from '@coalesce/domain';
import { http } from '../../../lib/httpClient';

export type CoalitionInviteRequest = z.input<typeof coalitionInviteCreateSchema>;

/** Query keys of everything under one coalition, so a change can refresh the lot. */
export const coalitionKeys = {
  all: ['coalitions'] as const,
  one: (id: string) => ['coalitions', id] as const,
  members: (id: string) => ['coalitions', id, 'members'] as const,
  invites: (id: string) => ['coalitions', id, 'invites'] as const,
  inbox: ['organization', 'coalition-invites'] as const,
};

const base = (id: string) => `/coalitions/${encodeURIComponent(id)}`;

export const coalitionsApi = {
  list: () => http.get<CoalitionDto[]>('/coalitions'),
  get: (id: string) => http.get<CoalitionDto>(base(id)),
  create: (input: CoalitionCreate) => http.post<CoalitionDto>('/coalitions', input),
  update: (id: string, input: CoalitionUpdate) => http.patch<CoalitionDto>(base(id), input),
  members: (id: string) => http.get<CoalitionMemberDto[]>(`${base(id)}/members`),
  setMemberRole: (id: string, orgId: string, role: CoalitionRole) =>
    http.patch<void>(`${base(id)}/members/${orgId}`, { role }),
  removeMember: (id: string, orgId: string) => http.delete<void>(`${base(id)}/members/${orgId}`),
  leave: (id: string, contributions: LeaveContributions = 'keep') =>
    http.post<void>(`${base(id)}/leave`, { contributions }),
  invites: (id: string) => http.get<CoalitionInviteDto[]>(`${base(id)}/invites`),
  invite: (id: string, input: CoalitionInviteRequest) =>
    http.post<CoalitionInviteDto>(`${base(id)}/invites`, input),
  revokeInvite: (id: string, inviteId: string) =>
    http.delete<void>(`${base(id)}/invites/${inviteId}`),
  inbox: () => http.get<CoalitionInviteDto[]>('/organizations/current/coalition-invites'),
  acceptById: (inviteId: string) =>
    http.post<{ coalitionId: string }>(`/coalition-invites/${inviteId}/accept`),
  previewInvite: (token: string) =>
    http.get<InvitePreviewDto>(`/invites/coalition?token=${encodeURIComponent(token)}`),
  acceptByToken: (token: string) =>
    http.post<{ coalitionId: string }>('/coalition-invites/accept', { token }),
};
