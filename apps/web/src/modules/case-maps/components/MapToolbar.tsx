import type { ReactNode } from 'react';
import { ActionIcon, Button, Group, Menu, Tooltip } from '@mantine/core';
import {
  IconArrowBackUp,
  IconArrowForwardUp,
  IconHierarchy2,
  IconMaximize,
  IconPlus,
} from '@tabler/icons-react';
import { MAP_NODE_TYPE_LABELS, MAP_NODE_TYPES } from '@coalesce/domain';
import type { MapNodeType } from '@coalesce/domain';
import { NODE_TYPE_STYLES } from '../utils/nodeTypeStyle';

interface MapToolbarProps {
  editable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onAdd(type: MapNodeType): void;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onFit(): void;
  /** Search, filters and focus controls. */
  children: ReactNode;
}

const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';

/** The palette and the map's commands. */
export function MapToolbar(props: MapToolbarProps) {
  const { editable } = props;
  return (
    <Group gap="xs" wrap="wrap" data-testid="map-toolbar">
      {editable && (
        <Menu position="bottom-start" withinPortal>
          <Menu.Target>
            <Button size="xs" leftSection={<IconPlus size={14} />}>
              Add node
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            {MAP_NODE_TYPES.map((type) => {
              const Icon = NODE_TYPE_STYLES[type].icon;
              return (
                <Menu.Item
                  key={type}
                  leftSection={
                    <Icon
                      size={14}
                      color={`var(--mantine-color-${NODE_TYPE_STYLES[type].color}-6)`}
                    />
                  }
                  onClick={() => props.onAdd(type)}
                >
                  {MAP_NODE_TYPE_LABELS[type]}
                </Menu.Item>
              );
            })}
          </Menu.Dropdown>
        </Menu>
      )}
      {editable && (
        <ActionIcon.Group>
          <Tooltip label={`Undo (${mod}Z)`}>
            <ActionIcon
              variant="default"
              size="md"
              aria-label="Undo"
              disabled={!props.canUndo}
              onClick={props.onUndo}
            >
              <IconArrowBackUp size={16} />
            </ActionIcon>
          </Tooltip>
          <Tooltip label={`Redo (${mod}Shift+Z)`}>
            <ActionIcon
              variant="default"
              size="md"
              aria-label="Redo"
              disabled={!props.canRedo}
              onClick={props.onRedo}
            >
              <IconArrowForwardUp size={16} />
            </ActionIcon>
          </Tooltip>
        </ActionIcon.Group>
      )}
      {editable && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconHierarchy2 size={14} />}
          onClick={props.onLayout}
        >
          Auto layout
        </Button>
      )}
      <Button
        size="xs"
        variant="default"
        leftSection={<IconMaximize size={14} />}
        onClick={props.onFit}
      >
        Zoom to fit
      </Button>
      {props.children}
    </Group>
  );
}
