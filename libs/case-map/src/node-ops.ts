import type { MapSensitivity } from '@coalesce/domain';
import {
  detailFieldsOutsideType,
  mapNodeDetailsPatchSchema,
  mapNodeSchema,
} from '@coalesce/protocol';
import type { MapNode, MapNodeDetailsInput, MapNodeDetailsPatch } from '@coalesce/protocol';
import { deleteEdgesTouching } from './edge-ops.js';
import { itemFrom, layerDetails, layerNodes, plainOf, sharedNodes } from './layout.js';
import type { MapActor, MapDocs } from './layout.js';
import { locateNode } from './locate.js';
import type { NodeLocation } from './locate.js';
import { invalidInput, MapModelError } from './map-model-error.js';
import { detailsOf, newItemId, ownLayer, stubOf } from './node-parts.js';
import { LOCAL_MAP_EDIT } from './origin.js';

export interface NewMapNode extends MapNodeDetailsInput {
  id?: string;
  type: MapNode['type'];
  sensitivity?: MapSensitivity;
  x: number;
  y: number;
}

/**
 * Adds a node owned by the actor's organization. Shared nodes go to the shared map; a restricted
 * node puts only its stub there and its details in the organization's private layer; a private node
 * goes to the layer whole. Returns the node id.
 */
export function createNode(
  docs: MapDocs,
  actor: MapActor,
  input: NewMapNode,
  origin: unknown = LOCAL_MAP_EDIT,
): string {
  const parsed = mapNodeSchema.safeParse({
    ...input,
    id: input.id ?? newItemId(),
    sensitivity: input.sensitivity ?? 'shared',
    ownerOrgId: actor.orgId,
    authorId: actor.userId,
  });
  if (!parsed.success) throw invalidInput('The node', parsed.error.issues);
  const node = parsed.data;
  if (locateNode(docs, node.id)) throw new MapModelError(`A node ${node.id} exists already.`);
  writeNode(docs, node, origin);
  return node.id;
}

/** Writes a validated node where its sensitivity says (used by create, import and sensitivity changes). */
export function writeNode(docs: MapDocs, node: MapNode, origin: unknown): void {
  if (node.sensitivity === 'shared') {
    docs.shared.transact(() => sharedNodes(docs.shared).set(node.id, itemFrom(node)), origin);
    return;
  }
  const layer = ownLayer(docs, node.ownerOrgId);
  if (node.sensitivity === 'private') {
    layer.transact(() => layerNodes(layer).set(node.id, itemFrom(node)), origin);
    return;
  }
  layer.transact(() => layerDetails(layer).set(node.id, itemFrom(detailsOf(node))), origin);
  docs.shared.transact(() => sharedNodes(docs.shared).set(node.id, itemFrom(stubOf(node))), origin);
}

/**
 * Changes some details of a node. Anyone who edits the map edits shared nodes; the details of a
 * restricted or private node are edited only by its owner organization (in its layer).
 */
export function updateNode(
  docs: MapDocs,
  actor: MapActor,
  id: string,
  patch: MapNodeDetailsPatch,
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const parsedPatch = mapNodeDetailsPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw invalidInput('The change', parsedPatch.error.issues);
  const location = requireNode(docs, id);
  const target = detailsTarget(location, actor);
  const current = readFullNode(location, id);
  const next = mapNodeSchema.safeParse({ ...current, ...parsedPatch.data });
  if (!next.success) throw invalidInput('The change', next.error.issues);
  const outside = detailFieldsOutsideType(next.data.type, parsedPatch.data);
  if (outside.length)
    throw new MapModelError(`A ${next.data.type} node has no ${outside.join(', ')}.`);
  target.doc!.transact(() => {
    for (const [key, value] of Object.entries(parsedPatch.data)) {
      if (value !== undefined) target.item.set(key, value);
    }
  }, origin);
}

/** Moves nodes (positions live with the stub: on the shared map, or in the layer for private nodes). */
export function moveNodes(
  docs: MapDocs,
  moves: ReadonlyArray<{ id: string; x: number; y: number }>,
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  for (const move of moves) {
    if (!Number.isFinite(move.x) || !Number.isFinite(move.y))
      throw new MapModelError('Positions must be numbers.');
  }
  const byDoc = new Map<import('yjs').Doc, Array<[import('yjs').Map<unknown>, number, number]>>();
  for (const move of moves) {
    const location = locateNode(docs, move.id);
    if (!location) continue;
    const item = location.sensitivity === 'restricted' ? location.stub : location.item;
    const doc = item.doc;
    if (!doc) continue;
    const list = byDoc.get(doc) ?? [];
    list.push([item, Math.round(move.x * 10) / 10, Math.round(move.y * 10) / 10]);
    byDoc.set(doc, list);
  }
  for (const [doc, list] of byDoc) {
    doc.transact(() => {
      for (const [item, x, y] of list) {
        if (item.get('x') !== x) item.set('x', x);
        if (item.get('y') !== y) item.set('y', y);
      }
    }, origin);
  }
}

/**
 * Deletes nodes and every edge touching them that the actor can reach. Shared nodes may be deleted
 * by anyone who edits the map; restricted and private nodes only by their owner organization.
 */
export function deleteNodes(
  docs: MapDocs,
  actor: MapActor,
  ids: readonly string[],
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const located = ids.map((id) => [id, requireNode(docs, id)] as const);
  for (const [id, location] of located) {
    if (location.sensitivity !== 'shared' && location.ownerOrgId !== actor.orgId) {
      throw new MapModelError(`Only the organization that holds node ${id} can delete it.`);
    }
  }
  const own = docs.layers.get(actor.orgId);
  docs.shared.transact(() => {
    for (const [id, location] of located) {
      if (location.sensitivity !== 'private') sharedNodes(docs.shared).delete(id);
    }
  }, origin);
  if (own) {
    own.transact(() => {
      for (const [id] of located) {
        layerNodes(own).delete(id);
        layerDetails(own).delete(id);
      }
    }, origin);
  }
  deleteEdgesTouching(docs, actor, new Set(ids), origin);
}

export function requireNode(docs: MapDocs, id: string): NodeLocation {
  const location = locateNode(docs, id);
  if (!location) throw new MapModelError(`There is no node ${id}.`);
  return location;
}

/** The node as far as the docs hold it (stub + details, or the whole item). */
export function readFullNode(location: NodeLocation, id: string): Record<string, unknown> {
  if (location.sensitivity === 'restricted') {
    const stub = plainOf(location.stub);
    const stubOnly = Object.fromEntries(
      ['type', 'sensitivity', 'ownerOrgId', 'authorId', 'x', 'y'].map((k) => [k, stub[k]]),
    );
    return { id, ...stubOnly, ...(location.details ? plainOf(location.details) : {}) };
  }
  return { id, ...plainOf(location.item) };
}

function detailsTarget(location: NodeLocation, actor: MapActor) {
  if (location.sensitivity === 'shared') return { item: location.item, doc: location.item.doc };
  if (location.ownerOrgId !== actor.orgId) {
    throw new MapModelError('Only the organization that holds this node can change its details.');
  }
  const item = location.sensitivity === 'restricted' ? location.details : location.item;
  if (!item) throw new MapModelError('Open your organization’s private layer to change this node.');
  return { item, doc: item.doc };
}
