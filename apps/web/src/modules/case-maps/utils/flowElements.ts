import { MarkerType } from '@xyflow/react';
import type { Edge, Node } from '@xyflow/react';
import { MAP_EDGE_TYPE_LABELS } from '@coalesce/domain';
import type { MapNodeView, MapView } from '@coalesce/case-map';
import type { MapEdge } from '@coalesce/protocol';

/** Someone else who has the node selected (from the map's awareness). */
export interface RemoteMark {
  userId: string;
  name: string;
  color: string;
}

export interface MapNodeData extends Record<string, unknown> {
  node: MapNodeView;
  /** The name of the organization that holds the node ("Unknown organization" when not known). */
  ownerName: string;
  /** True when the viewer's organization holds the node. */
  mine: boolean;
  /** Other people who have this node selected now. */
  marks: RemoteMark[];
}

export type MapFlowNode = Node<MapNodeData, 'map-node' | 'redacted-node'>;

export interface MapEdgeData extends Record<string, unknown> {
  edge: MapEdge;
}
export type MapFlowEdge = Edge<MapEdgeData>;

export interface FlowContext {
  visible: ReadonlySet<string>;
  orgNames: ReadonlyMap<string, string>;
  myOrgId: string;
  marks: ReadonlyMap<string, RemoteMark[]>;
  /** The viewer may change the map (positions, connections). */
  editable: boolean;
}

const NO_MARKS: RemoteMark[] = [];

export function orgName(orgNames: ReadonlyMap<string, string>, orgId: string): string {
  return orgNames.get(orgId) ?? 'Unknown organization';
}

/** The merged map as React Flow nodes (only the visible ones). */
export function toFlowNodes(view: MapView, ctx: FlowContext): MapFlowNode[] {
  const out: MapFlowNode[] = [];
  for (const node of view.nodes) {
    if (!ctx.visible.has(node.id)) continue;
    out.push({
      id: node.id,
      type: node.redacted ? 'redacted-node' : 'map-node',
      position: { x: node.x, y: node.y },
      draggable: ctx.editable,
      connectable: ctx.editable,
      data: {
        node,
        ownerName: orgName(ctx.orgNames, node.ownerOrgId),
        mine: node.ownerOrgId === ctx.myOrgId,
        marks: ctx.marks.get(node.id) ?? NO_MARKS,
      },
    });
  }
  return out;
}

export function edgeLabel(edge: MapEdge): string {
  const kind = MAP_EDGE_TYPE_LABELS[edge.type];
  return edge.label ? `${kind} · ${edge.label}` : kind;
}

/** The edges between visible nodes; directed ones get an arrow, private ones a dashed line. */
export function toFlowEdges(view: MapView, visible: ReadonlySet<string>): MapFlowEdge[] {
  return view.edges
    .filter((edge) => visible.has(edge.source) && visible.has(edge.target))
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      label: edgeLabel(edge),
      markerEnd: edge.directed
        ? { type: MarkerType.ArrowClosed, width: 18, height: 18 }
        : undefined,
      className: edge.sensitivity === 'private' ? 'case-map-edge-private' : undefined,
      data: { edge },
    }));
}

/**
 * Keeps what React Flow owns locally (selection, measured size, a drag in progress) when the nodes
 * are rebuilt from the documents: a remote change must not drop the user's selection, and a node
 * being dragged stays under the pointer rather than jumping back to the last saved position.
 */
export function mergeFlowNodes(previous: MapFlowNode[], next: MapFlowNode[]): MapFlowNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  return next.map((node) => {
    const prev = before.get(node.id);
    if (!prev) return node;
    return {
      ...node,
      selected: prev.selected,
      measured: prev.measured,
      dragging: prev.dragging,
      position: prev.dragging ? prev.position : node.position,
    };
  });
}

/** Keeps the local selection of edges across rebuilds. */
export function mergeFlowEdges(previous: MapFlowEdge[], next: MapFlowEdge[]): MapFlowEdge[] {
  const selected = new Set(previous.filter((edge) => edge.selected).map((edge) => edge.id));
  return next.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
}
