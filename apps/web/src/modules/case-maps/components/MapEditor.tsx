import { useCallback, useMemo, useRef, useState } from 'react';
import { Box, Group, Paper, ScrollArea } from '@mantine/core';
import { useReactFlow } from '@xyflow/react';
import type { MapNodeType } from '@coalesce/domain';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import { notifyError, notifySuccess } from '../../../ui/notify';
import type { CaseMapState } from '../hooks/useCaseMap';
import { useMapCommands } from '../hooks/useMapCommands';
import { useMapShortcuts } from '../hooks/useMapShortcuts';
import { useRequestAccess } from '../hooks/useMapAccess';
import type { MapFlowNode } from '../utils/flowElements';
import { orgName } from '../utils/flowElements';
import { freeSpot } from '../utils/freeSpot';
import { NO_FILTERS, tagsInUse, visibleNodeIds } from '../utils/mapFilters';
import type { MapFilters } from '../utils/mapFilters';
import { AccessDrawer } from './AccessDrawer';
import { AddNodeModal } from './AddNodeModal';
import type { NewNodeDraft } from './AddNodeModal';
import { ConnectModal } from './ConnectModal';
import type { ConnectDraft } from './ConnectModal';
import { FocusControl } from './FocusControl';
import { MapCanvas } from './MapCanvas';
import type { MapSelection } from './MapCanvas';
import { MapFiltersMenu } from './MapFiltersMenu';
import { MapSearch } from './MapSearch';
import { MapToolbar } from './MapToolbar';
import { SelectionPanel } from './SelectionPanel';

const NOTHING: MapSelection = { nodes: [], edges: [] };
/** Size used for a node React Flow has not measured yet (a card is about this big). */
const DEFAULT_SIZE = { width: 200, height: 80 };

interface MapEditorProps {
  map: CaseMapState;
  canvasRef: React.RefObject<HTMLDivElement | null>;
  /** The canvas's height (CSS). */
  height: string;
  accessOpen: boolean;
  onAccessClose(): void;
}

/** The toolbar, the canvas and the side panel of an open map (inside a ReactFlowProvider). */
export function MapEditor({ map, canvasRef, height, accessOpen, onAccessClose }: MapEditorProps) {
  const { view, docs, editable, canUseLayer, myOrgId, orgNames } = map;
  const flow = useReactFlow<MapFlowNode>();
  const commands = useMapCommands(docs.docs, map.actor, map.undo.undo, view);
  const [filters, setFilters] = useState<MapFilters>(NO_FILTERS);
  const [selection, setSelection] = useState<MapSelection>(NOTHING);
  const [addDraft, setAddDraft] = useState<NewNodeDraft | null>(null);
  const [connectDraft, setConnectDraft] = useState<ConnectDraft | null>(null);
  const requestAccess = useRequestAccess(map.document.id);
  // Observer organizations read the map but never ask for more (the server refuses them too).
  const canRequest = map.coalitionRole !== null && map.coalitionRole !== 'observer';
  const selected = useRef(NOTHING);
  const [selectWhenDrawn, setSelectWhenDrawn] = useState<string[] | null>(null);
  const selectedWhenDrawn = useCallback(() => setSelectWhenDrawn(null), []);

  const visible = useMemo(() => visibleNodeIds(view, filters), [view, filters]);
  const tags = useMemo(() => tagsInUse(view), [view]);
  const organizations = useMemo(
    () =>
      [...new Set(view.nodes.map((n) => n.ownerOrgId))].map((id) => ({
        id,
        name: orgName(orgNames, id),
      })),
    [view.nodes, orgNames],
  );

  const { publishSelection, publishCursor } = map.presence;
  const onSelection = useCallback(
    (next: MapSelection) => {
      selected.current = next;
      setSelection(next);
      publishSelection(next.nodes);
    },
    [publishSelection],
  );

  const centerOf = () => {
    const el = canvasRef.current?.getBoundingClientRect();
    if (!el) return { x: 0, y: 0 };
    const p = flow.screenToFlowPosition({ x: el.left + el.width / 2, y: el.top + el.height / 2 });
    return freeSpot(view.nodes, {
      x: p.x - DEFAULT_SIZE.width / 2,
      y: p.y - DEFAULT_SIZE.height / 2,
    });
  };

  const showNode = (id: string) => {
    const node = view.nodes.find((n) => n.id === id);
    if (!node) return notifyError(new Error('That node is no longer on the map.'));
    if (!visible.has(id)) setFilters(NO_FILTERS);
    setSelectWhenDrawn([id]);
    requestAnimationFrame(() => {
      void flow.setCenter(node.x + DEFAULT_SIZE.width / 2, node.y + DEFAULT_SIZE.height / 2, {
        zoom: Math.max(flow.getZoom(), 1),
        duration: 400,
      });
    });
  };

  const askAccess = useCallback(
    (nodeId: string) => {
      const node = view.nodes.find((n) => n.id === nodeId);
      requestAccess.mutate(nodeId, {
        onSuccess: () =>
          notifySuccess(
            `${node ? orgName(orgNames, node.ownerOrgId) : 'The organization that holds it'} was asked; you will be notified of the answer.`,
            'Access requested',
          ),
        onError: notifyError,
      });
    },
    [requestAccess, view.nodes, orgNames],
  );

  const onConnectRequest = useCallback(
    (source: string, target: string) => {
      const ends = [source, target].map((id) => view.nodes.find((n) => n.id === id));
      const name = (n: (typeof ends)[number]) =>
        !n
          ? 'a node'
          : n.redacted
            ? `restricted ${MAP_NODE_TYPE_LABELS[n.type].toLowerCase()}`
            : n.name;
      setConnectDraft({
        source,
        target,
        sourceName: name(ends[0]),
        targetName: name(ends[1]),
        private: ends.some((n) => n?.sensitivity === 'private'),
      });
    },
    [view.nodes],
  );

  const layoutVisible = () => {
    const nodes = flow.getNodes().map((n) => ({
      id: n.id,
      width: n.measured?.width ?? DEFAULT_SIZE.width,
      height: n.measured?.height ?? DEFAULT_SIZE.height,
    }));
    if (!nodes.length) return;
    commands.layout(nodes);
    requestAnimationFrame(() => void flow.fitView({ padding: 0.2, duration: 300 }));
  };

  useMapShortcuts(Boolean(docs.docs), {
    onDelete: () => {
      if (!editable) return;
      const { nodes, edges } = selected.current;
      if (nodes.length || edges.length) commands.deleteSelection(nodes, edges);
    },
    onUndo: () => editable && commands.undo(),
    onRedo: () => editable && commands.redo(),
    onCopy: () => {
      const copied = commands.copy(selected.current.nodes);
      if (copied) notifySuccess(`${copied} node${copied === 1 ? '' : 's'} copied.`);
    },
    onPaste: () => {
      if (!editable) return;
      const ids = commands.paste();
      if (ids.length) setSelectWhenDrawn(ids);
    },
  });

  const focusNode = filters.focus ? view.nodes.find((n) => n.id === filters.focus?.nodeId) : null;

  return (
    <>
      <MapToolbar
        editable={editable}
        canUndo={map.undo.canUndo}
        canRedo={map.undo.canRedo}
        onAdd={(type: MapNodeType) => setAddDraft({ type, position: centerOf() })}
        onUndo={commands.undo}
        onRedo={commands.redo}
        onLayout={layoutVisible}
        onFit={() => void flow.fitView({ padding: 0.2, duration: 300 })}
      >
        <MapSearch view={view} onPick={showNode} />
        <MapFiltersMenu
          filters={filters}
          tags={tags}
          organizations={organizations}
          onChange={setFilters}
        />
        <FocusControl
          focus={filters.focus}
          focusName={focusNode && !focusNode.redacted ? focusNode.name : 'a node'}
          onChange={(focus) => setFilters({ ...filters, focus })}
        />
      </MapToolbar>
      <Group align="stretch" gap="sm" wrap="nowrap" mt="xs">
        <Box ref={canvasRef} style={{ flex: 1, minWidth: 0, height }}>
          {docs.docs && (
            <MapCanvas
              view={view}
              docs={docs.docs}
              editable={editable}
              visible={visible}
              orgNames={orgNames}
              myOrgId={myOrgId}
              marks={map.marks}
              peers={map.presence.peers}
              undo={map.undo.undo}
              onSelection={onSelection}
              onCursor={publishCursor}
              onRequestAccess={canRequest ? askAccess : null}
              onConnectRequest={onConnectRequest}
              selectWhenDrawn={selectWhenDrawn}
              onSelectedWhenDrawn={selectedWhenDrawn}
              onAddAt={(position) =>
                setAddDraft({
                  type: 'case',
                  position: {
                    x: position.x - DEFAULT_SIZE.width / 2,
                    y: position.y - DEFAULT_SIZE.height / 2,
                  },
                })
              }
            />
          )}
        </Box>
        <Paper withBorder radius="md" w={320} style={{ flexShrink: 0, height }}>
          <ScrollArea h="100%" p="sm">
            <SelectionPanel
              view={view}
              selection={selection}
              coalitionId={map.document.coalitionId}
              myOrgId={myOrgId}
              editable={editable}
              canUseLayer={canUseLayer}
              orgNames={orgNames}
              userNames={map.userNames}
              commands={commands}
              onFocus={(nodeId) => setFilters({ ...filters, focus: { nodeId, hops: 1 } })}
              onRequestAccess={canRequest ? askAccess : null}
            />
          </ScrollArea>
        </Paper>
      </Group>
      <AddNodeModal
        draft={addDraft}
        canUseLayer={canUseLayer}
        onClose={() => setAddDraft(null)}
        onCreate={(input) => {
          const id = commands.addNode({ ...input, position: addDraft?.position ?? centerOf() });
          setSelectWhenDrawn([id]);
        }}
      />
      <AccessDrawer
        mapId={map.document.id}
        opened={accessOpen}
        onClose={onAccessClose}
        myOrgId={myOrgId}
        canGrant={canUseLayer}
        organizations={[...orgNames]
          .filter(([id]) => id !== myOrgId)
          .map(([id, name]) => ({ id, name }))}
        onShowNode={(nodeId) => {
          onAccessClose();
          showNode(nodeId);
        }}
      />
      <ConnectModal
        draft={connectDraft}
        onClose={() => setConnectDraft(null)}
        onConnect={(input) => {
          if (connectDraft) commands.connect(connectDraft.source, connectDraft.target, input);
          setConnectDraft(null);
        }}
      />
    </>
  );
}
