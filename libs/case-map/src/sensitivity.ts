import type { MapSensitivity } from '@coalesce/domain';
import { mapEdgeSchema, mapNodeSchema } from '@coalesce/protocol';
import { writeEdge } from './edge-ops.js';
import {
  isItemMap,
  layerDetails,
  layerNodes,
  plainOf,
  sharedEdges,
  sharedNodes,
} from './layout.js';
import type { MapActor, MapDocs } from './layout.js';
import { invalidInput, MapModelError } from './map-model-error.js';
import { ownLayer } from './node-parts.js';
import { readFullNode, requireNode, writeNode } from './node-ops.js';
import { LOCAL_MAP_EDIT } from './origin.js';

/**
 * Moves a node between the shared map and its owner's private layer (owner organization only).
 *
 * Making a shared node restricted or private removes its details from the shared map from now on,
 * but organizations that already synced the map have seen them (and Yjs keeps deleted values in the
 * document's history): the web app says so before the owner confirms.
 * A node that becomes private takes the shared edges touching it into the owner's layer.
 */
export function setNodeSensitivity(
  docs: MapDocs,
  actor: MapActor,
  id: string,
  to: MapSensitivity,
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const location = requireNode(docs, id);
  if (location.sensitivity === to) return;
  if (location.ownerOrgId !== actor.orgId) {
    throw new MapModelError('Only the organization that holds this node can change who sees it.');
  }
  if (location.sensitivity === 'restricted' && !location.details) {
    throw new MapModelError('Open your organization’s private layer to change this node.');
  }
  const layer = ownLayer(docs, actor.orgId);
  const parsed = mapNodeSchema.safeParse({ ...readFullNode(location, id), sensitivity: to });
  if (!parsed.success) throw invalidInput('The node', parsed.error.issues);

  // Remove the node from where it was, then write it where it belongs now.
  if (location.sensitivity === 'private')
    layer.transact(() => layerNodes(layer).delete(id), origin);
  if (location.sensitivity === 'restricted')
    layer.transact(() => layerDetails(layer).delete(id), origin);
  if (location.sensitivity !== 'private' && to === 'private') {
    docs.shared.transact(() => sharedNodes(docs.shared).delete(id), origin);
  }
  if (location.sensitivity === 'shared' && to === 'restricted') {
    // Overwrite the shared item with the bare stub (deleting the detail keys).
    docs.shared.transact(() => sharedNodes(docs.shared).delete(id), origin);
  }
  writeNode(docs, parsed.data, origin);
  if (to === 'private') moveTouchingEdgesToLayer(docs, actor, id, origin);
}

function moveTouchingEdgesToLayer(
  docs: MapDocs,
  actor: MapActor,
  nodeId: string,
  origin: unknown,
): void {
  const edges = sharedEdges(docs.shared);
  const moving: Array<[string, Record<string, unknown>]> = [];
  edges.forEach((item, edgeId) => {
    if (isItemMap(item) && (item.get('source') === nodeId || item.get('target') === nodeId)) {
      moving.push([edgeId, plainOf(item)]);
    }
  });
  if (!moving.length) return;
  docs.shared.transact(() => moving.forEach(([edgeId]) => edges.delete(edgeId)), origin);
  for (const [edgeId, raw] of moving) {
    const edge = mapEdgeSchema.safeParse({
      ...raw,
      id: edgeId,
      sensitivity: 'private',
      ownerOrgId: actor.orgId,
    });
    if (edge.success) writeEdge(docs, edge.data, origin);
  }
}
