import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { organizationKeys, organizationsApi } from '../api/organizationsApi';

/** Searches the directory of organizations (public profiles), e.g. to invite one. */
export function useOrganizationDirectory(search: string, enabled = true) {
  const term = search.trim();
  return useQuery({
    queryKey: organizationKeys.directory(term),
    queryFn: () => organizationsApi.search(term),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
