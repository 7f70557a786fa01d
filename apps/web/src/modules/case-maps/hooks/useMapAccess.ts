import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessRequestResolve } from '@coalesce/protocol';
import { caseMapKeys, caseMapsApi } from '../api/caseMapsApi';

/** The map's access requests the viewer's organization made or received (live via entity:changed). */
export function useAccessRequests(mapId: string) {
  return useQuery({
    queryKey: caseMapKeys.requests(mapId),
    queryFn: () => caseMapsApi.accessRequests(mapId),
  });
}

/** Organizations the viewer's organization lets read its layer of the map. */
export function useLayerGrants(mapId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseMapKeys.grants(mapId),
    queryFn: () => caseMapsApi.grants(mapId),
    enabled,
  });
}

function useRefreshAccess(mapId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['documents', mapId, 'case-map'] });
}

export function useRequestAccess(mapId: string) {
  const refresh = useRefreshAccess(mapId);
  return useMutation({
    mutationFn: (nodeId: string) => caseMapsApi.requestAccess(mapId, nodeId),
    onSuccess: refresh,
  });
}

export function useResolveRequest(mapId: string) {
  const refresh = useRefreshAccess(mapId);
  return useMutation({
    mutationFn: (input: { requestId: string; decision: AccessRequestResolve['decision'] }) =>
      caseMapsApi.resolveRequest(mapId, input.requestId, input.decision),
    onSuccess: refresh,
  });
}

export function useGrantLayer(mapId: string) {
  const refresh = useRefreshAccess(mapId);
  return useMutation({
    mutationFn: (organizationId: string) => caseMapsApi.grant(mapId, organizationId),
    onSuccess: refresh,
  });
}

export function useRevokeGrant(mapId: string) {
  const refresh = useRefreshAccess(mapId);
  return useMutation({
    mutationFn: (organizationId: string) => caseMapsApi.revokeGrant(mapId, organizationId),
    onSuccess: refresh,
  });
}

export function useMapLayers(mapId: string) {
  return useQuery({
    queryKey: caseMapKeys.layers(mapId),
    queryFn: () => caseMapsApi.layers(mapId),
  });
}
