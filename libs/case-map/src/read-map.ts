import { MAP_NODE_TYPES } from '@coalesce/domain';
import type { MapNodeType } from '@coalesce/domain';
import { mapEdgeSchema, mapNodeDetailsSchema, mapNodeSchema } from '@coalesce/protocol';
import type { MapEdge } from '@coalesce/protocol';
import {
  isItemMap,
  layerDetails,
  layerEdges,
  layerNodes,
  plainOf,
  sharedEdges,
  sharedNodes,
} from './layout.js';
import type { ItemsMap, MapDocs } from './layout.js';
import type { MapNodeView, MapProblem, MapView, RedactedMapNode } from './map-view.js';

/**
 * Merges the shared map and the open private layers into what the viewer sees. Entries that do not
 * validate (unknown types, fields of the wrong type, edges to missing nodes) are skipped and listed
 * in `problems`: a map written by a faulty or hostile client still loads.
 */
export function readMap(docs: MapDocs): MapView {
  const problems: MapProblem[] = [];
  const nodes = new Map<string, MapNodeView>();

  eachItem(sharedNodes(docs.shared), (id, raw) => {
    const node = readSharedNode(id, raw, docs, problems);
    if (node) nodes.set(id, node);
  });
  for (const [orgId, layer] of docs.layers) {
    eachItem(layerNodes(layer), (id, raw) => {
      const reason = nodes.has(id) ? 'The id is already used on the shared map.' : null;
      const parsed = reason ? null : mapNodeSchema.safeParse({ id, ...raw });
      if (
        parsed?.success &&
        parsed.data.sensitivity === 'private' &&
        parsed.data.ownerOrgId === orgId
      ) {
        nodes.set(id, { ...parsed.data, redacted: false });
      } else {
        problems.push({
          kind: 'node',
          id,
          source: orgId,
          reason: reason ?? invalid(parsed?.error),
        });
      }
    });
  }

  const edges: MapEdge[] = [];
  const addEdge = (id: string, raw: Record<string, unknown>, source: string) => {
    const parsed = mapEdgeSchema.safeParse({ id, ...raw });
    if (!parsed.success)
      return problems.push({ kind: 'edge', id, source, reason: invalid(parsed.error) });
    const edge = parsed.data;
    const expected = source === 'shared' ? 'shared' : 'private';
    if (edge.sensitivity !== expected || (source !== 'shared' && edge.ownerOrgId !== source)) {
      return problems.push({ kind: 'edge', id, source, reason: 'Stored in the wrong place.' });
    }
    if (!nodes.has(edge.source) || !nodes.has(edge.target)) {
      return problems.push({
        kind: 'edge',
        id,
        source,
        reason: 'Points to a node that is missing.',
      });
    }
    edges.push(edge);
  };
  eachItem(sharedEdges(docs.shared), (id, raw) => addEdge(id, raw, 'shared'));
  for (const [orgId, layer] of docs.layers) {
    eachItem(layerEdges(layer), (id, raw) => addEdge(id, raw, orgId));
  }
  return { nodes: [...nodes.values()], edges, problems };
}

function readSharedNode(
  id: string,
  raw: Record<string, unknown>,
  docs: MapDocs,
  problems: MapProblem[],
): MapNodeView | null {
  if (raw.sensitivity === 'restricted') {
    const stub = readStub(id, raw);
    if (!stub) {
      problems.push({
        kind: 'node',
        id,
        source: 'shared',
        reason: 'Invalid restricted node stub.',
      });
      return null;
    }
    const layer = docs.layers.get(stub.ownerOrgId);
    const detailsItem = layer ? layerDetails(layer).get(id) : undefined;
    if (!isItemMap(detailsItem)) return stub;
    const details = mapNodeDetailsSchema.safeParse(plainOf(detailsItem));
    const full = details.success
      ? mapNodeSchema.safeParse({ ...stubFields(stub), ...details.data })
      : details;
    if (full.success) return { ...full.data, redacted: false } as MapNodeView;
    problems.push({ kind: 'node', id, source: stub.ownerOrgId, reason: invalid(full.error) });
    return stub;
  }
  const parsed = mapNodeSchema.safeParse({ id, ...raw });
  if (parsed.success && parsed.data.sensitivity === 'shared')
    return { ...parsed.data, redacted: false };
  problems.push({
    kind: 'node',
    id,
    source: 'shared',
    reason: parsed.success ? 'A private node on the shared map.' : invalid(parsed.error),
  });
  return null;
}

/** Only the stub keys of a restricted node are read, whatever else a faulty client wrote there. */
function readStub(id: string, raw: Record<string, unknown>): RedactedMapNode | null {
  const { type, ownerOrgId, authorId, x, y } = raw;
  if (!MAP_NODE_TYPES.includes(type as MapNodeType)) return null;
  if (typeof ownerOrgId !== 'string' || !isFiniteNumber(x) || !isFiniteNumber(y)) return null;
  return {
    id,
    type: type as MapNodeType,
    sensitivity: 'restricted',
    ownerOrgId,
    authorId: typeof authorId === 'string' ? authorId : null,
    x,
    y,
    redacted: true,
  };
}

function stubFields(stub: RedactedMapNode) {
  const { redacted: _redacted, ...fields } = stub;
  return fields;
}

function eachItem(
  items: ItemsMap,
  visit: (id: string, raw: Record<string, unknown>) => void,
): void {
  items.forEach((item, id) => {
    if (isItemMap(item)) visit(id, plainOf(item));
  });
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function invalid(
  error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> } | undefined,
): string {
  const issue = error?.issues[0];
  if (!issue) return 'Invalid.';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
