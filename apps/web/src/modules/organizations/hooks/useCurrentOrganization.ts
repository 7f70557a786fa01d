import { useQuery } from '@tanstack/react-query';
import { organizationKeys, organizationsApi } from '../api/organizationsApi';

export function useCurrentOrganization() {
  return useQuery({ queryKey: organizationKeys.current, queryFn: organizationsApi.current });
}
