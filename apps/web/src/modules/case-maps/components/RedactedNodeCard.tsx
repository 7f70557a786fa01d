import { memo } from 'react';
import { Button, Group, Text, ThemeIcon } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { NodeProps } from '@xyflow/react';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { MapFlowNode } from '../utils/flowElements';
import { NodeHandles } from './NodeHandles';
import { RemoteSelectionRing } from './RemoteSelectionRing';
import { useRequestAccessAction } from './requestAccessContext';

/**
 * A restricted node of another organization: only its type and holder are known here, with a way to
 * ask the holder for its details.
 */
export const RedactedNodeCard = memo(function RedactedNodeCard({
  data,
  selected,
  isConnectable,
}: NodeProps<MapFlowNode>) {
  const { node, ownerName, mine, marks } = data;
  const requestAccess = useRequestAccessAction();
  const type = MAP_NODE_TYPE_LABELS[node.type];
  return (
    <div
      className="case-map-node case-map-node-redacted"
      data-selected={selected || undefined}
      data-testid="redacted-node"
      data-node-id={node.id}
    >
      <RemoteSelectionRing marks={marks} />
      <NodeHandles connectable={isConnectable} />
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon color="gray" variant="light" size="md" radius="md">
          <IconLock size={16} />
        </ThemeIcon>
        <Text size="sm" fw={600} lh={1.25}>
          Restricted {type.toLowerCase()} · held by {ownerName}
        </Text>
      </Group>
      {mine ? (
        <Text size="xs" c="dimmed" mt={6}>
          Your organization’s layer is not open yet.
        </Text>
      ) : (
        requestAccess && (
          <Button
            className="nodrag"
            size="compact-xs"
            variant="light"
            mt={8}
            onClick={() => requestAccess(node.id)}
          >
            Request access
          </Button>
        )
      )}
    </div>
  );
});
