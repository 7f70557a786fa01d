import { useQuery } from '@tanstack/react-query';
import { organizationKeys, organizationsApi } from '../api/organizationsApi';

/** Invitation links of the organization (admins only, hence `enabled`). */
export function useOrgInvites(enabled: boolean) {
  return useQuery({
    queryKey: organizationKeys.invites,
    queryFn: organizationsApi.invites,
    enabled,
  });
}
