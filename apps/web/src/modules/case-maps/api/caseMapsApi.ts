import type {
  AccessRequestDto,
  AccessRequestResolve,
  CaseMapImport,
  CaseMapLayersDto,
  DocumentDto,
  LayerGrantDto,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

/**
 * Keys under ['documents', mapId] (refreshed by `entity:changed` of the map) and, for lists, under
 * ['coalitions', coalitionId] (refreshed by any change of the coalition).
 */
export const caseMapKeys = {
  list: (coalitionId: string) => ['coalitions', coalitionId, 'documents', 'case-maps'] as const,
  layers: (mapId: string) => ['documents', mapId, 'case-map', 'layers'] as const,
  grants: (mapId: string) => ['documents', mapId, 'case-map', 'grants'] as const,
  requests: (mapId: string) => ['documents', mapId, 'case-map', 'access-requests'] as const,
};

const mapPath = (mapId: string) => `/case-maps/${encodeURIComponent(mapId)}`;

export const caseMapsApi = {
  layers: (mapId: string) => http.get<CaseMapLayersDto>(`${mapPath(mapId)}/layers`),
  grants: (mapId: string) => http.get<LayerGrantDto[]>(`${mapPath(mapId)}/layer-grants`),
  grant: (mapId: string, organizationId: string) =>
    http.post<LayerGrantDto>(`${mapPath(mapId)}/layer-grants`, { organizationId }),
  revokeGrant: (mapId: string, organizationId: string) =>
    http.delete<void>(`${mapPath(mapId)}/layer-grants/${encodeURIComponent(organizationId)}`),
  accessRequests: (mapId: string) =>
    http.get<AccessRequestDto[]>(`${mapPath(mapId)}/access-requests`),
  requestAccess: (mapId: string, nodeId: string, message = '') =>
    http.post<AccessRequestDto>(`${mapPath(mapId)}/access-requests`, { nodeId, message }),
  resolveRequest: (mapId: string, requestId: string, decision: AccessRequestResolve['decision']) =>
    http.post<AccessRequestDto>(
      `${mapPath(mapId)}/access-requests/${encodeURIComponent(requestId)}/resolve`,
      { decision },
    ),
  /** GET /case-maps/:docId/export.json, with the access token (a plain link would have none). */
  exportJson: (mapId: string) => http.raw(`${mapPath(mapId)}/export.json`),
  import: (coalitionId: string, input: CaseMapImport) =>
    http.post<DocumentDto>(
      `/coalitions/${encodeURIComponent(coalitionId)}/case-maps/import`,
      input,
    ),
};
