import type { z } from 'zod';
import type {
  InviteDto,
  OrganizationDto,
  OrganizationUpdate,
  OrgMemberDto,
  orgInviteCreateSchema,
} from '@coalesce/protocol';
import type { OrgRole } from '@coalesce/domain';
import { http } from '../../../lib/httpClient';

export type OrgInviteRequest = z.input<typeof orgInviteCreateSchema>;

export const organizationKeys = {
  current: ['organization', 'current'] as const,
  members: ['organization', 'members'] as const,
  invites: ['organization', 'invites'] as const,
  directory: (search: string) => ['organizations', 'directory', search] as const,
};

export const organizationsApi = {
  current: () => http.get<OrganizationDto>('/organizations/current'),
  update: (input: OrganizationUpdate) =>
    http.patch<OrganizationDto>('/organizations/current', input),
  search: (search: string) =>
    http.get<OrganizationDto[]>('/organizations', { query: { search, limit: 20 } }),
  members: () => http.get<OrgMemberDto[]>('/organizations/current/members'),
  setMemberRole: (userId: string, role: OrgRole) =>
    http.patch<OrgMemberDto>(`/organizations/current/members/${userId}`, { role }),
  setMemberDisabled: (userId: string, disabled: boolean) =>
    http.post<OrgMemberDto>(
      `/organizations/current/members/${userId}/${disabled ? 'disable' : 'enable'}`,
    ),
  resetMemberTwoFactor: (userId: string) =>
    http.post<OrgMemberDto>(`/organizations/current/members/${userId}/two-factor/reset`),
  invites: () => http.get<InviteDto[]>('/organizations/current/invites'),
  createInvite: (input: OrgInviteRequest) =>
    http.post<InviteDto>('/organizations/current/invites', input),
  revokeInvite: (inviteId: string) =>
    http.delete<void>(`/organizations/current/invites/${inviteId}`),
};
