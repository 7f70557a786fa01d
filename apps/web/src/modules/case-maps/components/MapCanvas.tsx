import { useCallback, useEffect, useRef, useState } from 'react';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange, OnSelectionChangeParams } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { moveNodes } from '@coalesce/case-map';
import type { MapDocs, MapUndo, MapView } from '@coalesce/case-map';
import { mergeFlowEdges, mergeFlowNodes, toFlowEdges, toFlowNodes } from '../utils/flowElements';
import type { MapFlowEdge, MapFlowNode, RemoteMark } from '../utils/flowElements';
import type { MapPeer } from '../utils/mapPeers';
import { nodeTypeColor } from '../utils/nodeTypeStyle';
import { tryMapEdit } from '../utils/tryMapEdit';
import { MapNodeCard } from './MapNodeCard';
import { RedactedNodeCard } from './RedactedNodeCard';
import { RemoteCursors } from './RemoteCursors';
import { RequestAccessContext } from './requestAccessContext';
import './caseMap.css';

const NODE_TYPES = { 'map-node': MapNodeCard, 'redacted-node': RedactedNodeCard };
/** While a node is dragged, its position is written this often so others see it move. */
const DRAG_WRITE_MS = 60;

export interface MapSelection {
  nodes: string[];
  edges: string[];
}

interface MapCanvasProps {
  view: MapView;
  docs: MapDocs;
  editable: boolean;
  visible: ReadonlySet<string>;
  orgNames: ReadonlyMap<string, string>;
  myOrgId: string;
  marks: ReadonlyMap<string, RemoteMark[]>;
  peers: readonly MapPeer[];
  undo: MapUndo | null;
  onSelection(selection: MapSelection): void;
  onCursor(position: { x: number; y: number } | null): void;
  onRequestAccess: ((nodeId: string) => void) | null;
  onConnectRequest(source: string, target: string): void;
  onAddAt(position: { x: number; y: number }): void;
  /** Nodes to select as soon as they are drawn (just added or pasted). */
  selectWhenDrawn: readonly string[] | null;
  onSelectedWhenDrawn(): void;
}

/** React Flow bound to the merged map: the documents are the truth, React Flow only draws them. */
export function MapCanvas(props: MapCanvasProps) {
  const { view, docs, editable, visible, orgNames, myOrgId, marks, peers, undo } = props;
  const flow = useReactFlow<MapFlowNode, MapFlowEdge>();
  const [nodes, setNodes] = useState<MapFlowNode[]>([]);
  const [edges, setEdges] = useState<MapFlowEdge[]>([]);
  const dragged = useRef(new Map<string, { x: number; y: number }>());
  const dragTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fitted = useRef(false);

  const { selectWhenDrawn, onSelectedWhenDrawn } = props;
  useEffect(() => {
    const built = toFlowNodes(view, { visible, orgNames, myOrgId, marks, editable });
    const wanted = selectWhenDrawn && new Set(selectWhenDrawn);
    const drawn =
      wanted !== null && built.filter((node) => wanted.has(node.id)).length === wanted.size;
    setNodes((previous) => {
      const merged = mergeFlowNodes(previous, built);
      return drawn ? merged.map((node) => ({ ...node, selected: wanted.has(node.id) })) : merged;
    });
    setEdges((previous) =>
      mergeFlowEdges(
        drawn ? previous.map((edge) => ({ ...edge, selected: false })) : previous,
        toFlowEdges(view, visible),
      ),
    );
    if (drawn) onSelectedWhenDrawn();
  }, [view, visible, orgNames, myOrgId, marks, editable, selectWhenDrawn, onSelectedWhenDrawn]);

  // Zoom to fit once the first nodes are drawn.
  useEffect(() => {
    if (fitted.current || nodes.length === 0) return;
    fitted.current = true;
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, maxZoom: 1.2 }));
  }, [nodes.length, flow]);

  const writeDragged = useCallback(() => {
    dragTimer.current = null;
    if (!dragged.current.size) return;
    const moves = [...dragged.current].map(([id, p]) => ({ id, x: p.x, y: p.y }));
    dragged.current.clear();
    tryMapEdit(() => moveNodes(docs, moves));
  }, [docs]);

  const onNodesChange = useCallback(
    (changes: NodeChange<MapFlowNode>[]) => {
      const kept = changes.filter((change) => change.type !== 'remove');
      for (const change of kept) {
        if (change.type === 'position' && change.position && change.dragging) {
          dragged.current.set(change.id, change.position);
        }
      }
      if (dragged.current.size && !dragTimer.current) {
        dragTimer.current = setTimeout(writeDragged, DRAG_WRITE_MS);
      }
      setNodes((current) => applyNodeChanges(kept, current));
    },
    [writeDragged],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<MapFlowEdge>[]) => {
    setEdges((current) =>
      applyEdgeChanges(
        changes.filter((change) => change.type !== 'remove'),
        current,
      ),
    );
  }, []);

  const onNodeDragStart = useCallback(() => undo?.stopCapturing(), [undo]);
  const onNodeDragStop = useCallback(
    (_event: unknown, _node: MapFlowNode, moved: MapFlowNode[]) => {
      if (dragTimer.current) clearTimeout(dragTimer.current);
      dragTimer.current = null;
      dragged.current.clear();
      tryMapEdit(() =>
        moveNodes(
          docs,
          moved.map((node) => ({ id: node.id, x: node.position.x, y: node.position.y })),
        ),
      );
      undo?.stopCapturing();
    },
    [docs, undo],
  );

  useEffect(
    () => () => {
      if (dragTimer.current) clearTimeout(dragTimer.current);
    },
    [],
  );

  const { onSelection, onCursor, onConnectRequest, onAddAt } = props;
  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams<MapFlowNode, MapFlowEdge>) =>
      onSelection({ nodes: n.map((node) => node.id), edges: e.map((edge) => edge.id) }),
    [onSelection],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      if (connection.source && connection.target && connection.source !== connection.target) {
        onConnectRequest(connection.source, connection.target);
      }
    },
    [onConnectRequest],
  );

  const flowPosition = (event: { clientX: number; clientY: number }) =>
    flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });

  return (
    <RequestAccessContext.Provider value={props.onRequestAccess}>
      <div
        className="case-map-canvas"
        data-testid="case-map-canvas"
        onPointerMove={(event) => onCursor(flowPosition(event))}
        onPointerLeave={() => onCursor(null)}
        onDoubleClick={(event) => {
          if (!editable) return;
          if ((event.target as HTMLElement).closest('.react-flow__pane')) {
            onAddAt(flowPosition(event));
          }
        }}
      >
        <ReactFlow<MapFlowNode, MapFlowEdge>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          onSelectionChange={onSelectionChange}
          onConnect={onConnect}
          nodesDraggable={editable}
          nodesConnectable={editable}
          deleteKeyCode={null}
          zoomOnDoubleClick={false}
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          selectionKeyCode="Shift"
          minZoom={0.1}
          maxZoom={2.5}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap
            pannable
            zoomable
            nodeColor={(node) => nodeTypeColor((node as MapFlowNode).data.node.type, 4)}
            ariaLabel="Mini-map"
          />
          <RemoteCursors peers={peers} />
        </ReactFlow>
      </div>
    </RequestAccessContext.Provider>
  );
}
