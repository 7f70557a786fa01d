import type * as Y from 'yjs';
import { MAP_NODE_DETAIL_FIELDS } from '@coalesce/domain';
import type { MapNode } from '@coalesce/protocol';
import { NODE_STUB_KEYS } from './layout.js';
import type { MapDocs } from './layout.js';
import { MapModelError } from './map-model-error.js';

export function newItemId(): string {
  return (globalThis as unknown as { crypto: { randomUUID(): string } }).crypto.randomUUID();
}

/** The part of a restricted node every organization sees. */
export function stubOf(node: MapNode): Record<string, unknown> {
  return Object.fromEntries(NODE_STUB_KEYS.map((key) => [key, node[key]]));
}

/** The descriptive part of a node (what a restricted node keeps in the private layer). */
export function detailsOf(node: Partial<MapNode>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of MAP_NODE_DETAIL_FIELDS) {
    if (node[key] !== undefined) out[key] = node[key];
  }
  return out;
}

/** The private layer of an organization; restricted and private data cannot be written without it. */
export function ownLayer(docs: MapDocs, orgId: string): Y.Doc {
  const layer = docs.layers.get(orgId);
  if (!layer) throw new MapModelError('Your organization’s private layer is not open.');
  return layer;
}
