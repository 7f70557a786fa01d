import { useMemo, useState } from 'react';
import { useStableValue } from './useStableValue';
import type { DocumentDto } from '@coalesce/protocol';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useCoalitionPermissions } from '../../coalitions/hooks/useCoalitionPermissions';
import { useAwarenessUsers } from '../../documents/editor/hooks/useAwarenessUsers';
import { useMentionables } from '../../documents/editor/hooks/useMentionables';
import { effectivePermission } from '../../documents/editor/utils/effectivePermission';
import { userColor } from '../../documents/editor/utils/userColor';
import { selectionMarks } from '../utils/mapPeers';
import { useMapAwareness } from './useMapAwareness';
import type { MapSelf } from './useMapAwareness';
import { useMapLayers } from './useMapAccess';
import { useMapDocs } from './useMapDocs';
import { useMapUndo } from './useMapUndo';
import { useMapView } from './useMapView';

const NO_LAYERS: never[] = [];

/**
 * Everything the map page needs about one map: its documents (shared map and the layers the viewer
 * may open), the merged view, per-user undo, live presence, and who may do what.
 */
export function useCaseMap(document: DocumentDto) {
  const me = useCurrentUser();
  const myOrgId = me.organization.id;
  const { role: coalitionRole } = useCoalitionPermissions(document.coalitionId);
  const layers = useMapLayers(document.id);
  const docs = useMapDocs(document.id, layers.data?.layers ?? NO_LAYERS);
  const view = useMapView(docs.docs);

  const permission = effectivePermission(document.permission, docs.shared.role);
  const editable = permission === 'edit' && !document.archivedAt && !docs.shared.revoked;
  const canUseLayer = editable && docs.ownLayer !== null;
  const undo = useMapUndo(docs.docs, myOrgId, editable);

  const [self] = useState<MapSelf>(() => ({
    id: me.id,
    name: me.name,
    organization: me.organization.name,
    color: userColor(me.id),
  }));
  const awareness = docs.shared.handle?.awareness ?? null;
  const presence = useMapAwareness(awareness, self);
  const viewers = useAwarenessUsers(awareness);
  // Pointers move many times a second; the nodes are redrawn only when selections change.
  const marks = useStableValue(useMemo(() => selectionMarks(presence.peers), [presence.peers]));

  const mentionables = useMentionables(document.coalitionId);
  const orgNames = useMemo(() => {
    const names = new Map<string, string>([[myOrgId, me.organization.name]]);
    for (const org of mentionables.data?.organizations ?? []) names.set(org.id, org.name);
    for (const layer of layers.data?.layers ?? [])
      names.set(layer.organization.id, layer.organization.name);
    names.set(document.ownerOrg.id, document.ownerOrg.name);
    return names;
  }, [mentionables.data, layers.data, myOrgId, me.organization.name, document.ownerOrg]);
  const userNames = useMemo(
    () => new Map((mentionables.data?.people ?? []).map((p) => [p.id, p.name])),
    [mentionables.data],
  );
  const actor = useMemo(() => ({ orgId: myOrgId, userId: me.id }), [myOrgId, me.id]);

  return {
    document,
    me,
    myOrgId,
    coalitionRole,
    actor,
    layers,
    docs,
    view,
    permission,
    editable,
    canUseLayer,
    undo,
    self,
    presence,
    viewers,
    marks,
    orgNames,
    userNames,
  };
}

export type CaseMapState = ReturnType<typeof useCaseMap>;
