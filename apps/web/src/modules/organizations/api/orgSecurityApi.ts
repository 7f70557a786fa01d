import type { OrgSecuritySettingsDto, OrgSecurityUpdate } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const orgSecurityKey = (organizationId: string) =>
  ['organization', organizationId, 'security'] as const;

export const orgSecurityApi = {
  get: (organizationId: string) =>
    http.get<OrgSecuritySettingsDto>(`/organizations/${organizationId}/security`),
  update: (organizationId: string, input: OrgSecurityUpdate) =>
    http.put<OrgSecuritySettingsDto>(`/organizations/${organizationId}/security`, input),
};
