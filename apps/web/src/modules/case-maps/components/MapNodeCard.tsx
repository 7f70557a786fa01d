import { memo } from 'react';
import { Badge, Group, Text, ThemeIcon } from '@mantine/core';
import { IconEyeOff, IconLock } from '@tabler/icons-react';
import type { NodeProps } from '@xyflow/react';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { MapFlowNode } from '../utils/flowElements';
import { NODE_TYPE_STYLES } from '../utils/nodeTypeStyle';
import { NodeHandles } from './NodeHandles';
import { RemoteSelectionRing } from './RemoteSelectionRing';

/** A node the viewer may read: icon and color of its type, name, holder and sensitivity. */
export const MapNodeCard = memo(function MapNodeCard({
  data,
  selected,
  isConnectable,
}: NodeProps<MapFlowNode>) {
  const { node, ownerName, marks } = data;
  if (node.redacted) return null;
  const style = NODE_TYPE_STYLES[node.type];
  const Icon = style.icon;
  return (
    <div
      className="case-map-node"
      data-selected={selected || undefined}
      data-testid="map-node"
      data-node-id={node.id}
      style={{ borderColor: `var(--mantine-color-${style.color}-5)` }}
    >
      <RemoteSelectionRing marks={marks} />
      <NodeHandles connectable={isConnectable} />
      <Group gap={8} wrap="nowrap" align="flex-start">
        <ThemeIcon color={style.color} variant="light" size="md" radius="md">
          <Icon size={16} />
        </ThemeIcon>
        <div style={{ minWidth: 0 }}>
          <Text size="xs" c="dimmed" lh={1.2}>
            {MAP_NODE_TYPE_LABELS[node.type]}
          </Text>
          <Text size="sm" fw={600} lh={1.25} className="case-map-node-name">
            {node.name}
          </Text>
        </div>
      </Group>
      <Group gap={4} mt={6} wrap="wrap">
        <Badge size="xs" variant="light" color="gray" radius="sm" maw={150}>
          {ownerName}
        </Badge>
        {node.sensitivity === 'restricted' && (
          <Badge size="xs" color="orange" variant="light" leftSection={<IconLock size={10} />}>
            Restricted
          </Badge>
        )}
        {node.sensitivity === 'private' && (
          <Badge size="xs" color="red" variant="light" leftSection={<IconEyeOff size={10} />}>
            Private
          </Badge>
        )}
      </Group>
    </div>
  );
});
