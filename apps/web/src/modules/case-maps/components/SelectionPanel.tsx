import { Button, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { MapView } from '@coalesce/case-map';
import type { MapCommands } from '../hooks/useMapCommands';
import { orgName } from '../utils/flowElements';
import { EdgePanel } from './EdgePanel';
import type { MapSelection } from './MapCanvas';
import { NodePanel } from './NodePanel';

interface SelectionPanelProps {
  view: MapView;
  selection: MapSelection;
  coalitionId: string;
  myOrgId: string;
  editable: boolean;
  canUseLayer: boolean;
  orgNames: ReadonlyMap<string, string>;
  userNames: ReadonlyMap<string, string>;
  commands: MapCommands;
  onFocus(nodeId: string): void;
  /** null: the viewer's organization may not ask (observers). */
  onRequestAccess: ((nodeId: string) => void) | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The side panel: the selected node or connection, or a summary of the map. */
export function SelectionPanel(props: SelectionPanelProps) {
  const { view, selection, myOrgId, editable, orgNames, commands } = props;
  const nodeName = (id: string) => {
    const node = view.nodes.find((n) => n.id === id);
    if (!node) return 'a node';
    return node.redacted
      ? `Restricted ${MAP_NODE_TYPE_LABELS[node.type].toLowerCase()}`
      : node.name;
  };

  if (selection.nodes.length === 1 && selection.edges.length === 0) {
    const node = view.nodes.find((n) => n.id === selection.nodes[0]);
    if (node?.redacted) {
      return (
        <Stack gap="sm" data-testid="redacted-panel">
          <IconLock size={20} />
          <Title order={3} size="h5">
            Restricted {MAP_NODE_TYPE_LABELS[node.type].toLowerCase()}
          </Title>
          <Text size="sm">
            Held by {orgName(orgNames, node.ownerOrgId)}. Only that organization sees its details.
          </Text>
          {node.ownerOrgId === myOrgId ? (
            <Text size="xs" c="dimmed">
              Your organization’s layer of this map is not open yet.
            </Text>
          ) : (
            props.onRequestAccess && (
              <Button size="xs" variant="light" onClick={() => props.onRequestAccess?.(node.id)}>
                Request access
              </Button>
            )
          )}
        </Stack>
      );
    }
    if (node) {
      const owner = node.ownerOrgId === myOrgId;
      return (
        <NodePanel
          key={node.id}
          node={node}
          coalitionId={props.coalitionId}
          ownerName={orgName(orgNames, node.ownerOrgId)}
          authorName={node.authorId ? (props.userNames.get(node.authorId) ?? null) : null}
          editable={editable && (node.sensitivity === 'shared' || (owner && props.canUseLayer))}
          owner={owner}
          canUseLayer={props.canUseLayer}
          onUpdate={(patch) => commands.updateNode(node.id, patch)}
          onSensitivity={(to) => commands.setSensitivity(node.id, to)}
          onFocus={() => props.onFocus(node.id)}
          onDelete={() => commands.deleteSelection([node.id], [])}
        />
      );
    }
  }
  if (selection.edges.length === 1 && selection.nodes.length === 0) {
    const edge = view.edges.find((e) => e.id === selection.edges[0]);
    if (edge) {
      return (
        <EdgePanel
          key={edge.id}
          edge={edge}
          sourceName={nodeName(edge.source)}
          targetName={nodeName(edge.target)}
          ownerName={orgName(orgNames, edge.ownerOrgId)}
          editable={editable && (edge.sensitivity === 'shared' || edge.ownerOrgId === myOrgId)}
          onUpdate={(patch) => commands.updateEdge(edge.id, patch)}
          onDelete={() => commands.deleteSelection([], [edge.id])}
        />
      );
    }
  }
  const count = selection.nodes.length + selection.edges.length;
  return (
    <Stack gap="xs" data-testid="map-summary">
      {count > 1 ? (
        <Text size="sm">
          {plural(selection.nodes.length, 'node')} and{' '}
          {plural(selection.edges.length, 'connection')} selected. Delete, copy (Ctrl+C) or drag
          them together.
        </Text>
      ) : (
        <>
          <Text size="sm">
            {plural(view.nodes.length, 'node')}, {plural(view.edges.length, 'connection')}.
          </Text>
          <Text size="xs" c="dimmed">
            Select a node or a connection to see its details.
            {editable &&
              ' Double-click the canvas to add a node; drag from a node’s right handle to another node to connect them; Shift+drag to select several.'}
          </Text>
        </>
      )}
      {view.problems.length > 0 && (
        <Text size="xs" c="orange">
          {view.problems.length} item{view.problems.length === 1 ? '' : 's'} of the map could not be
          read and {view.problems.length === 1 ? 'is' : 'are'} not shown.
        </Text>
      )}
    </Stack>
  );
}
