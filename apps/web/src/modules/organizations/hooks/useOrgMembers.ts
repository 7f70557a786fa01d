import { useQuery } from '@tanstack/react-query';
import { organizationKeys, organizationsApi } from '../api/organizationsApi';

export function useOrgMembers() {
  return useQuery({ queryKey: organizationKeys.members, queryFn: organizationsApi.members });
}
