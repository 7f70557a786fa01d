import { Button, Group, SegmentedControl, Text } from '@mantine/core';
import type { MapFilters } from '../utils/mapFilters';

interface FocusControlProps {
  focus: MapFilters['focus'];
  focusName: string;
  onChange(focus: MapFilters['focus']): void;
}

/** While focused on a node: how many hops around it are shown, and a way back to the whole map. */
export function FocusControl({ focus, focusName, onChange }: FocusControlProps) {
  if (!focus) return null;
  return (
    <Group gap={6} wrap="nowrap" data-testid="focus-control">
      <Text size="xs" c="dimmed" maw={180} truncate="end">
        Focus: {focusName}
      </Text>
      <SegmentedControl
        size="xs"
        aria-label="Hops around the focused node"
        value={String(focus.hops)}
        onChange={(v) => onChange({ ...focus, hops: Number(v) })}
        data={['1', '2', '3'].map((v) => ({ value: v, label: `${v} hop${v === '1' ? '' : 's'}` }))}
      />
      <Button size="compact-xs" variant="subtle" onClick={() => onChange(null)}>
        Whole map
      </Button>
    </Group>
  );
}
