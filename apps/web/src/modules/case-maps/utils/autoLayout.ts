import { Graph, layout } from '@dagrejs/dagre';

export interface LayoutInput {
  nodes: ReadonlyArray<{ id: string; width: number; height: number }>;
  edges: ReadonlyArray<{ source: string; target: string }>;
  direction?: 'LR' | 'TB';
}

/**
 * Positions (top-left corners, as React Flow and the map store them) from dagre's layered layout:
 * edges point along `direction`, unconnected nodes are laid out too.
 */
export function autoLayout({
  nodes,
  edges,
  direction = 'LR',
}: LayoutInput): Array<{ id: string; x: number; y: number }> {
  const graph = new Graph({ multigraph: true });
  graph.setGraph({ rankdir: direction, nodesep: 40, ranksep: 90, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(nodes.map((node) => node.id));
  for (const node of nodes) graph.setNode(node.id, { width: node.width, height: node.height });
  edges.forEach((edge, i) => {
    if (ids.has(edge.source) && ids.has(edge.target) && edge.source !== edge.target) {
      graph.setEdge(edge.source, edge.target, {}, `e${i}`);
    }
  });
  layout(graph);
  return nodes.map((node) => {
    const placed = graph.node(node.id);
    return {
      id: node.id,
      x: Math.round(placed.x - node.width / 2),
      y: Math.round(placed.y - node.height / 2),
    };
  });
}
