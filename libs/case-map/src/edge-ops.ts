import type { MapEdgeSensitivity } from '@coalesce/domain';
import { mapEdgePatchSchema, mapEdgeSchema } from '@coalesce/protocol';
import type { MapEdge, MapEdgePatch } from '@coalesce/protocol';
import { isItemMap, itemFrom, layerEdges, plainOf, sharedEdges } from './layout.js';
import type { ItemMap, MapActor, MapDocs } from './layout.js';
import { locateNode } from './locate.js';
import { invalidInput, MapModelError } from './map-model-error.js';
import { newItemId, ownLayer } from './node-parts.js';
import { LOCAL_MAP_EDIT } from './origin.js';

export interface NewMapEdge {
  id?: string;
  source: string;
  target: string;
  type: MapEdge['type'];
  directed?: boolean;
  label?: string;
  evidenceUrl?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  sensitivity?: MapEdgeSensitivity;
}

/**
 * Connects two nodes. An edge that touches a private node is private itself (kept in the actor's
 * layer): putting it on the shared map would reveal that the private node exists.
 */
export function createEdge(
  docs: MapDocs,
  actor: MapActor,
  input: NewMapEdge,
  origin: unknown = LOCAL_MAP_EDIT,
): string {
  const ends = [input.source, input.target].map((id) => locateNode(docs, id));
  if (ends.some((end) => end === null))
    throw new MapModelError('An edge must connect two nodes of the map.');
  const touchesPrivate = ends.some((end) => end?.sensitivity === 'private');
  const parsed = mapEdgeSchema.safeParse({
    ...input,
    id: input.id ?? newItemId(),
    sensitivity: touchesPrivate ? 'private' : (input.sensitivity ?? 'shared'),
    ownerOrgId: actor.orgId,
    authorId: actor.userId,
  });
  if (!parsed.success) throw invalidInput('The edge', parsed.error.issues);
  const edge = parsed.data;
  if (locateEdge(docs, edge.id)) throw new MapModelError(`An edge ${edge.id} exists already.`);
  writeEdge(docs, edge, origin);
  return edge.id;
}

export function writeEdge(docs: MapDocs, edge: MapEdge, origin: unknown): void {
  const doc = edge.sensitivity === 'shared' ? docs.shared : ownLayer(docs, edge.ownerOrgId);
  const edges = edge.sensitivity === 'shared' ? sharedEdges(doc) : layerEdges(doc);
  doc.transact(() => edges.set(edge.id, itemFrom(edge)), origin);
}

/** Changes an edge's type, label, evidence, dates or direction. Private edges: their owner only. */
export function updateEdge(
  docs: MapDocs,
  actor: MapActor,
  id: string,
  patch: MapEdgePatch,
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const parsedPatch = mapEdgePatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw invalidInput('The change', parsedPatch.error.issues);
  const location = locateEdge(docs, id);
  if (!location) throw new MapModelError(`There is no edge ${id}.`);
  if (location.ownerOrgId !== null && location.ownerOrgId !== actor.orgId) {
    throw new MapModelError('Only the organization that holds this edge can change it.');
  }
  const next = mapEdgeSchema.safeParse({ id, ...plainOf(location.item), ...parsedPatch.data });
  if (!next.success) throw invalidInput('The change', next.error.issues);
  location.item.doc!.transact(() => {
    for (const [key, value] of Object.entries(parsedPatch.data)) {
      if (value !== undefined) location.item.set(key, value);
    }
  }, origin);
}

export function deleteEdges(
  docs: MapDocs,
  actor: MapActor,
  ids: readonly string[],
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const located = ids.map((id) => locateEdge(docs, id));
  for (const location of located) {
    if (location && location.ownerOrgId !== null && location.ownerOrgId !== actor.orgId) {
      throw new MapModelError('Only the organization that holds a private edge can delete it.');
    }
  }
  for (const location of located) {
    if (!location) continue;
    location.item.doc!.transact(() => location.parent.delete(location.id), origin);
  }
}

/** Deletes the shared edges and the actor's private edges that touch any of the nodes. */
export function deleteEdgesTouching(
  docs: MapDocs,
  actor: MapActor,
  nodeIds: ReadonlySet<string>,
  origin: unknown,
): void {
  const targets: Array<{ doc: import('yjs').Doc; edges: import('./layout.js').ItemsMap }> = [
    { doc: docs.shared, edges: sharedEdges(docs.shared) },
  ];
  const own = docs.layers.get(actor.orgId);
  if (own) targets.push({ doc: own, edges: layerEdges(own) });
  for (const { doc, edges } of targets) {
    const doomed: string[] = [];
    edges.forEach((item, id) => {
      if (
        isItemMap(item) &&
        (nodeIds.has(String(item.get('source'))) || nodeIds.has(String(item.get('target'))))
      ) {
        doomed.push(id);
      }
    });
    if (doomed.length) doc.transact(() => doomed.forEach((id) => edges.delete(id)), origin);
  }
}

interface EdgeLocation {
  id: string;
  item: ItemMap;
  parent: import('./layout.js').ItemsMap;
  /** null for shared edges (anyone who edits the map may change them). */
  ownerOrgId: string | null;
}

export function locateEdge(docs: MapDocs, id: string): EdgeLocation | null {
  const shared = sharedEdges(docs.shared);
  const item = shared.get(id);
  if (isItemMap(item)) return { id, item, parent: shared, ownerOrgId: null };
  for (const [orgId, layer] of docs.layers) {
    const edges = layerEdges(layer);
    const own = edges.get(id);
    if (isItemMap(own)) return { id, item: own, parent: edges, ownerOrgId: orgId };
  }
  return null;
}
