import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgExportDto } from '@coalesce/protocol';
import { orgDataApi, orgDataKeys } from '../api/orgDataApi';

export function isExportActive(job: OrgExportDto | undefined): boolean {
  return job?.status === 'queued' || job?.status === 'running';
}

/**
 * The organization's latest exports. Progress arrives live (`entity:changed` 'org-export'
 * refreshes this query); while one runs, a slow poll covers a dropped socket.
 */
export function useOrgExports(orgId: string) {
  return useQuery({
    queryKey: orgDataKeys.exports(orgId),
    queryFn: () => orgDataApi.exports(orgId),
    refetchInterval: (query) => (isExportActive(query.state.data?.[0]) ? 5000 : false),
  });
}

export function useStartExport(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => orgDataApi.startExport(orgId),
    onSuccess: (job) => {
      queryClient.setQueryData<OrgExportDto[]>(orgDataKeys.exports(orgId), (list) => [
        job,
        ...(list ?? []).filter((j) => j.id !== job.id),
      ]);
    },
  });
}

export function useDownloadExport(orgId: string) {
  return useMutation({
    mutationFn: (job: OrgExportDto) => orgDataApi.downloadExport(orgId, job),
  });
}

export function useEraseOrganization(orgId: string) {
  return useMutation({
    mutationFn: (confirmName: string) => orgDataApi.erase(orgId, confirmName),
  });
}
