import { useState } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';
import { MAP_SENSITIVITIES } from '@coalesce/domain';
import type { MapSensitivity } from '@coalesce/domain';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { NO_LAYER_REASON, SENSITIVITY_HINTS, SENSITIVITY_LABELS } from '../utils/sensitivityLabels';

interface SensitivityControlProps {
  value: MapSensitivity;
  /** The viewer's organization holds the node. */
  owner: boolean;
  canUseLayer: boolean;
  /** Moves the node (throws MapModelError when refused: shown in the confirmation). */
  onChange(next: MapSensitivity): void;
}

/**
 * Who sees the node. Only its organization changes it; hiding a node that was shared warns first:
 * whoever already opened the map has seen its details.
 */
export function SensitivityControl({
  value,
  owner,
  canUseLayer,
  onChange,
}: SensitivityControlProps) {
  const [pending, setPending] = useState<MapSensitivity | null>(null);
  const choose = (next: MapSensitivity) => {
    if (next === value) return;
    if (value === 'shared') setPending(next);
    else onChange(next);
  };
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Who sees it
      </Text>
      <SegmentedControl
        size="xs"
        value={value}
        onChange={(v) => choose(v as MapSensitivity)}
        disabled={!owner || !canUseLayer}
        data={MAP_SENSITIVITIES.map((s) => ({ value: s, label: SENSITIVITY_LABELS[s] }))}
        aria-label="Who sees it"
      />
      <Text size="xs" c="dimmed">
        {!owner
          ? 'Only the organization that holds this node can change who sees it.'
          : !canUseLayer
            ? NO_LAYER_REASON
            : SENSITIVITY_HINTS[value]}
      </Text>
      <ConfirmModal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={`Make this node ${pending ? SENSITIVITY_LABELS[pending].toLowerCase() : ''}?`}
        confirmLabel="Hide its details"
        onConfirm={async () => {
          if (pending) onChange(pending);
        }}
      >
        This node was shared: every organization that opened the map since then has already seen its
        details, and may have copied them. From now on they will{' '}
        {pending === 'private'
          ? 'not see the node at all'
          : 'see only that it exists and who holds it'}
        .
      </ConfirmModal>
    </Stack>
  );
}
