import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { documentKeys } from '../api/documentKeys';
import { versionsApi } from '../api/versionsApi';

/** Named versions and checkpoints, newest first. */
export function useVersions(docId: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.versions(docId),
    queryFn: async () => {
      const versions = await versionsApi.list(docId);
      return [...versions].sort((a, b) => b.seq - a.seq || b.createdAt.localeCompare(a.createdAt));
    },
    enabled,
  });
}

function useRefreshVersions(docId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: documentKeys.versions(docId) });
}

export function useNameVersion(docId: string) {
  const refresh = useRefreshVersions(docId);
  return useMutation({
    mutationFn: (name: string) => versionsApi.create(docId, name),
    onSuccess: refresh,
  });
}

/** A forward update on the server: every open editor (this one too) changes live. */
export function useRestoreVersion(docId: string) {
  const refresh = useRefreshVersions(docId);
  return useMutation({
    mutationFn: (versionId: string) => versionsApi.restore(docId, versionId),
    onSuccess: refresh,
  });
}

/** The Yjs state of a version, for the read-only preview. */
export function useVersionState(docId: string, versionId: string | null) {
  return useQuery({
    queryKey: [...documentKeys.versions(docId), versionId, 'state'],
    queryFn: () => versionsApi.state(docId, versionId!),
    enabled: versionId !== null,
    staleTime: Infinity,
  });
}
