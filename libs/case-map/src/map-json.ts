import { CASE_MAP_JSON_FORMAT, caseMapJsonSchema } from '@coalesce/protocol';
import type { CaseMapJson, MapEdge, MapNode } from '@coalesce/protocol';
import { writeEdge } from './edge-ops.js';
import type { MapActor, MapDocs } from './layout.js';
import { fieldsOf, MapModelError } from './map-model-error.js';
import { writeNode } from './node-ops.js';
import { LOCAL_MAP_EDIT } from './origin.js';
import { readMap } from './read-map.js';

/**
 * The map as JSON: every node the viewer may read in full and the edges between them. Redacted
 * nodes of other organizations are left out, with the edges that touch them.
 */
export function exportMapJson(docs: MapDocs, title: string, now = new Date()): CaseMapJson {
  const view = readMap(docs);
  const nodes: MapNode[] = [];
  for (const node of view.nodes) {
    if (node.redacted) continue;
    const { redacted: _redacted, ...plain } = node;
    nodes.push(plain);
  }
  const kept = new Set(nodes.map((node) => node.id));
  const edges = view.edges.filter((edge) => kept.has(edge.source) && kept.has(edge.target));
  return {
    format: CASE_MAP_JSON_FORMAT,
    version: 1,
    title,
    exportedAt: now.toISOString(),
    nodes: sortById(nodes),
    edges: sortById(edges),
  };
}

/** Validates an import file; throws MapModelError with the reasons when it is not a valid map. */
export function parseMapJson(input: unknown): CaseMapJson {
  const parsed = caseMapJsonSchema.safeParse(input);
  if (!parsed.success)
    throw new MapModelError('The file is not a valid case map.', fieldsOf(parsed.error.issues));
  return parsed.data;
}

/**
 * Writes an imported map into empty documents. The importing organization holds every node and edge
 * (sensitivity kept: restricted and private data go to its own layer); authors become the importer.
 */
export function importMapJson(
  docs: MapDocs,
  actor: MapActor,
  map: CaseMapJson,
  origin: unknown = LOCAL_MAP_EDIT,
): void {
  const owned = <T extends { ownerOrgId: string; authorId: string | null }>(item: T): T => ({
    ...item,
    ownerOrgId: actor.orgId,
    authorId: actor.userId,
  });
  for (const node of map.nodes) writeNode(docs, owned(node), origin);
  const privateNodes = new Set(
    map.nodes.filter((n) => n.sensitivity === 'private').map((n) => n.id),
  );
  for (const edge of map.edges) {
    const sensitivity: MapEdge['sensitivity'] =
      privateNodes.has(edge.source) || privateNodes.has(edge.target) ? 'private' : edge.sensitivity;
    writeEdge(docs, { ...owned(edge), sensitivity }, origin);
  }
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
