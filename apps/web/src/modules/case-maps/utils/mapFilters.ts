import type { MapNodeType } from '@coalesce/domain';
import type { MapNodeView, MapView } from '@coalesce/case-map';

/** What the map shows: filters that combine (AND), and an optional focus on a node's neighbourhood. */
export interface MapFilters {
  /** Node types to show (empty: every type). */
  types: MapNodeType[];
  /** Show nodes with any of these tags (empty: no tag filter). Redacted stubs have no tags. */
  tags: string[];
  /** Owning organizations to show (empty: all). */
  orgIds: string[];
  /** ISO dates: show nodes whose start–end period overlaps [from, to]; undated nodes are hidden then. */
  from: string | null;
  to: string | null;
  /** Only the node and what lies within `hops` edges of it. */
  focus: { nodeId: string; hops: number } | null;
}

export const NO_FILTERS: MapFilters = {
  types: [],
  tags: [],
  orgIds: [],
  from: null,
  to: null,
  focus: null,
};

export function filtersActive(filters: MapFilters): boolean {
  return (
    filters.types.length > 0 ||
    filters.tags.length > 0 ||
    filters.orgIds.length > 0 ||
    filters.from !== null ||
    filters.to !== null ||
    filters.focus !== null
  );
}

function matchesDates(node: MapNodeView, from: string | null, to: string | null): boolean {
  if (!from && !to) return true;
  if (node.redacted) return false;
  const start = node.startDate ?? node.endDate;
  const end = node.endDate ?? node.startDate;
  if (!start || !end) return false;
  if (from && end < from) return false;
  if (to && start > to) return false;
  return true;
}

export function matchesFilters(node: MapNodeView, filters: MapFilters): boolean {
  if (filters.types.length && !filters.types.includes(node.type)) return false;
  if (filters.orgIds.length && !filters.orgIds.includes(node.ownerOrgId)) return false;
  if (filters.tags.length) {
    if (node.redacted || !node.tags.some((tag) => filters.tags.includes(tag))) return false;
  }
  return matchesDates(node, filters.from, filters.to);
}

/** The ids of the nodes within `hops` edges of `start` (edges followed in both directions). */
export function neighbourhood(view: MapView, start: string, hops: number): Set<string> {
  const adjacent = new Map<string, string[]>();
  for (const edge of view.edges) {
    adjacent.set(edge.source, [...(adjacent.get(edge.source) ?? []), edge.target]);
    adjacent.set(edge.target, [...(adjacent.get(edge.target) ?? []), edge.source]);
  }
  const seen = new Set<string>([start]);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const other of adjacent.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          next.push(other);
        }
      }
    }
    frontier = next;
  }
  return seen;
}

/**
 * The nodes the current view shows. The focused node itself stays visible whatever the filters
 * say (it is what the user asked to look at); a focus on a node that no longer exists is ignored.
 */
export function visibleNodeIds(view: MapView, filters: MapFilters): Set<string> {
  const focusExists = filters.focus && view.nodes.some((n) => n.id === filters.focus?.nodeId);
  const near =
    filters.focus && focusExists
      ? neighbourhood(view, filters.focus.nodeId, filters.focus.hops)
      : null;
  const visible = new Set<string>();
  for (const node of view.nodes) {
    if (near && !near.has(node.id)) continue;
    if (node.id === filters.focus?.nodeId || matchesFilters(node, filters)) visible.add(node.id);
  }
  return visible;
}

/** Readable nodes whose name contains the query (case- and accent-insensitive), best first. */
export function searchNodes(view: MapView, query: string, limit = 20): MapNodeView[] {
  const needle = fold(query.trim());
  if (!needle) return [];
  const hits: Array<{ node: MapNodeView; rank: number }> = [];
  for (const node of view.nodes) {
    if (node.redacted) continue;
    const name = fold(node.name);
    const at = name.indexOf(needle);
    if (at === -1) continue;
    hits.push({ node, rank: at === 0 ? 0 : name.includes(` ${needle}`) ? 1 : 2 });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.node.redacted || b.node.redacted ? 0 : a.node.name.localeCompare(b.node.name)),
  );
  return hits.slice(0, limit).map((hit) => hit.node);
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** The tags used on the map (readable nodes), for the filter's suggestions. */
export function tagsInUse(view: MapView): string[] {
  const tags = new Set<string>();
  for (const node of view.nodes) if (!node.redacted) node.tags.forEach((tag) => tags.add(tag));
  return [...tags].sort();
}
