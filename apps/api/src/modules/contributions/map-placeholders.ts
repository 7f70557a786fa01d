import type * as Y from 'yjs';
import { isItemMap, NODE_STUB_KEYS, sharedEdges, sharedNodes } from '@coalesce/case-map';
import { MAP_LIMITS } from '@coalesce/domain';

export interface MapPlaceholderCounts {
  /** Nodes of the organization turned into placeholder stubs. */
  nodes: number;
  /** Edges of the organization removed. */
  edges: number;
}

/** What a placeholder node keeps: where it is, what kind of thing it was, and that it came from the organization. */
const KEPT_KEYS: ReadonlySet<string> = new Set([...NODE_STUB_KEYS, 'name']);

/**
 * Replaces an organization's contributions to a shared case map (the `case-map` document):
 *
 * - its nodes (shared ones, and the stubs of its restricted ones) stay where they are, with their
 *   type, as shared placeholder stubs: the name becomes the placeholder, every other detail
 *   (description, tags, identifiers, dates, link...) and the author are removed. Other
 *   organizations' edges that point at them keep making sense;
 * - its edges are removed: a relationship claimed by an organization that is gone, without its
 *   source, would be worse than none.
 *
 * Idempotent: running it again changes nothing. One transaction.
 */
export function replaceOrgMapItems(
  shared: Y.Doc,
  organizationId: string,
  placeholder: string,
): MapPlaceholderCounts {
  const counts: MapPlaceholderCounts = { nodes: 0, edges: 0 };
  const name = placeholder.slice(0, MAP_LIMITS.nameMax);
  shared.transact(() => {
    sharedNodes(shared).forEach((item) => {
      if (!isItemMap(item) || item.get('ownerOrgId') !== organizationId) return;
      let changed = false;
      for (const key of [...item.keys()]) {
        if (!KEPT_KEYS.has(key)) {
          item.delete(key);
          changed = true;
        }
      }
      const wanted: Record<string, unknown> = { sensitivity: 'shared', authorId: null, name };
      for (const [key, value] of Object.entries(wanted)) {
        if (item.get(key) !== value) {
          item.set(key, value);
          changed = true;
        }
      }
      if (changed) counts.nodes += 1;
    });
    const edges = sharedEdges(shared);
    const doomed: string[] = [];
    edges.forEach((item, id) => {
      if (isItemMap(item) && item.get('ownerOrgId') === organizationId) doomed.push(id);
    });
    for (const id of doomed) edges.delete(id);
    counts.edges = doomed.length;
  });
  return counts;
}
