import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgSecurityUpdate } from '@coalesce/protocol';
import { meQueryKey } from '../../auth/api/authApi';
import { orgSecurityApi, orgSecurityKey } from '../api/orgSecurityApi';

/** The organization's security settings (whether members must use two-factor). */
export function useOrgSecurity(organizationId: string) {
  return useQuery({
    queryKey: orgSecurityKey(organizationId),
    queryFn: () => orgSecurityApi.get(organizationId),
  });
}

export function useUpdateOrgSecurity(organizationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrgSecurityUpdate) => orgSecurityApi.update(organizationId, input),
    onSuccess: (settings) => {
      queryClient.setQueryData(orgSecurityKey(organizationId), settings);
      return queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}
