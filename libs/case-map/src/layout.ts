import * as Y from 'yjs';

/**
 * Where a case map lives in Yjs.
 *
 * The **shared map** (a document of kind `case-map`, opened by every organization that may see it):
 * - `nodes`: node id → Y.Map of one node. Shared nodes carry everything; restricted nodes carry only
 *   the stub (`type`, `sensitivity`, `ownerOrgId`, `authorId`, `x`, `y`). Private nodes are absent.
 * - `edges`: edge id → Y.Map of one shared edge.
 *
 * Each organization's **private layer** (a document of kind `case-map-layer`, opened only by its
 * organization and the organizations it granted):
 * - `details`: node id → Y.Map of the details of the organization's restricted nodes.
 * - `nodes`: node id → Y.Map of the organization's private nodes (everything).
 * - `edges`: edge id → Y.Map of the organization's private edges.
 *
 * One Y.Map per node and edge, one key per field: concurrent edits of different fields (or of a
 * node's position and its name) merge; edits of the same field resolve last-writer-wins; concurrent
 * additions never collide because ids are random. Values are plain JSON (strings, numbers, arrays).
 */
export const SHARED_NODES = 'nodes';
export const SHARED_EDGES = 'edges';
export const LAYER_DETAILS = 'details';
export const LAYER_NODES = 'nodes';
export const LAYER_EDGES = 'edges';

/** The keys of a node's stub: always on the shared map for shared and restricted nodes. */
export const NODE_STUB_KEYS = ['type', 'sensitivity', 'ownerOrgId', 'authorId', 'x', 'y'] as const;

export type ItemMap = Y.Map<unknown>;
export type ItemsMap = Y.Map<ItemMap>;

export function sharedNodes(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(SHARED_NODES);
}
export function sharedEdges(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(SHARED_EDGES);
}
export function layerDetails(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(LAYER_DETAILS);
}
export function layerNodes(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(LAYER_NODES);
}
export function layerEdges(doc: Y.Doc): ItemsMap {
  return doc.getMap<ItemMap>(LAYER_EDGES);
}

/** The documents of one map as a client holds them. */
export interface MapDocs {
  shared: Y.Doc;
  /** Private layers the client has open, by owner organization id (its own, and granted ones). */
  layers: ReadonlyMap<string, Y.Doc>;
}

/** Who makes an edit: recorded as the owner and author of what they add. */
export interface MapActor {
  orgId: string;
  userId: string;
}

/** Writes plain values into a fresh Y.Map (undefined values are skipped). */
export function itemFrom(values: Record<string, unknown>): ItemMap {
  const item = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) item.set(key, value);
  }
  return item;
}

/** A plain copy of a Y.Map's entries. */
export function plainOf(item: ItemMap): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  item.forEach((value, key) => {
    out[key] = value;
  });
  return out;
}

export function isItemMap(value: unknown): value is ItemMap {
  return value instanceof Y.Map;
}
