import type { MapEdge, MapNode } from '@coalesce/protocol';
import { createEdge } from './edge-ops.js';
import type { MapActor, MapDocs } from './layout.js';
import { MapModelError } from './map-model-error.js';
import { createNode } from './node-ops.js';
import { newItemId } from './node-parts.js';
import { LOCAL_MAP_EDIT } from './origin.js';
import { readMap } from './read-map.js';

/** A copied part of a map: the nodes the viewer may read in full and the edges between them. */
export interface MapClip {
  nodes: MapNode[];
  edges: MapEdge[];
}

/**
 * Copies the chosen nodes (redacted stubs of other organizations are left out: their details are
 * not the viewer's to copy) and the edges whose two ends were both copied.
 */
export function copyNodes(docs: MapDocs, ids: Iterable<string>): MapClip {
  const wanted = new Set(ids);
  const view = readMap(docs);
  const nodes: MapNode[] = [];
  for (const node of view.nodes) {
    if (!wanted.has(node.id) || node.redacted) continue;
    const { redacted: _redacted, ...plain } = node;
    nodes.push(plain);
  }
  const kept = new Set(nodes.map((node) => node.id));
  const edges = view.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  return { nodes, edges };
}

/**
 * Pastes a clip as new nodes and edges of the actor's organization: fresh ids, positions shifted by
 * `offset`, the same sensitivity (restricted and private nodes need the actor's own layer, checked
 * before anything is written). Returns the new node ids. One undo step (written in one task).
 */
export function pasteClip(
  docs: MapDocs,
  actor: MapActor,
  clip: MapClip,
  offset: { x: number; y: number } = { x: 40, y: 40 },
  origin: unknown = LOCAL_MAP_EDIT,
): string[] {
  const needsLayer = clip.nodes.some((node) => node.sensitivity !== 'shared');
  if (needsLayer && !docs.layers.has(actor.orgId)) {
    throw new MapModelError(
      'Restricted and private nodes need your organization’s private layer, which is not open.',
    );
  }
  const newIds = new Map<string, string>();
  for (const node of clip.nodes) {
    const { id, ownerOrgId: _owner, authorId: _author, ...rest } = node;
    const created = createNode(
      docs,
      actor,
      { ...rest, id: newItemId(), x: node.x + offset.x, y: node.y + offset.y },
      origin,
    );
    newIds.set(id, created);
  }
  for (const edge of clip.edges) {
    const source = newIds.get(edge.source);
    const target = newIds.get(edge.target);
    if (!source || !target) continue;
    const { id: _id, ownerOrgId: _owner, authorId: _author, ...rest } = edge;
    createEdge(docs, actor, { ...rest, source, target }, origin);
  }
  return [...newIds.values()];
}
