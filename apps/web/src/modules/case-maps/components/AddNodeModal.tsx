import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { MAP_NODE_TYPE_LABELS, MAP_NODE_TYPES, MAP_SENSITIVITIES } from '@coalesce/domain';
import type { MapNodeType, MapSensitivity } from '@coalesce/domain';
import { MapModelError } from '@coalesce/case-map';
import { NO_LAYER_REASON, SENSITIVITY_HINTS, SENSITIVITY_LABELS } from '../utils/sensitivityLabels';

export interface NewNodeDraft {
  type: MapNodeType;
  position: { x: number; y: number };
}

interface AddNodeModalProps {
  draft: NewNodeDraft | null;
  /** The viewer's organization has its own layer open for editing. */
  canUseLayer: boolean;
  onClose(): void;
  /** Writes the node; throws MapModelError when the model refuses it. */
  onCreate(input: { type: MapNodeType; sensitivity: MapSensitivity; name: string }): void;
}

/** Chooses the type, name and sensitivity of a new node. */
export function AddNodeModal({ draft, canUseLayer, onClose, onCreate }: AddNodeModalProps) {
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Add a node" centered>
      {draft && (
        <AddNodeForm
          draft={draft}
          canUseLayer={canUseLayer}
          onClose={onClose}
          onCreate={onCreate}
        />
      )}
    </Modal>
  );
}

function AddNodeForm({
  draft,
  canUseLayer,
  onClose,
  onCreate,
}: AddNodeModalProps & { draft: NewNodeDraft }) {
  const [type, setType] = useState<MapNodeType>(draft.type);
  const [name, setName] = useState('');
  const [sensitivity, setSensitivity] = useState<MapSensitivity>('shared');
  const [error, setError] = useState<string | null>(null);

  const submit = () => {
    try {
      onCreate({ type, sensitivity, name });
      onClose();
    } catch (caught) {
      if (!(caught instanceof MapModelError)) throw caught;
      const nameError = caught.fields.find((f) => f.path === 'name');
      setError(nameError ? nameError.message : caught.message);
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack>
        <Select
          label="Type"
          data={MAP_NODE_TYPES.map((t) => ({ value: t, label: MAP_NODE_TYPE_LABELS[t] }))}
          value={type}
          onChange={(value) => value && setType(value as MapNodeType)}
          allowDeselect={false}
        />
        <TextInput
          label="Name"
          data-autofocus
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setError(null);
          }}
          error={error}
          required
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            Who sees it
          </Text>
          <SegmentedControl
            fullWidth
            value={sensitivity}
            onChange={(value) => setSensitivity(value as MapSensitivity)}
            data={MAP_SENSITIVITIES.map((s) => ({
              value: s,
              label: SENSITIVITY_LABELS[s],
              disabled: s !== 'shared' && !canUseLayer,
            }))}
            aria-label="Who sees it"
          />
          <Text size="xs" c="dimmed" mt={4}>
            {SENSITIVITY_HINTS[sensitivity]}
          </Text>
        </div>
        {!canUseLayer && (
          <Alert color="gray" variant="light">
            {NO_LAYER_REASON}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit">Add node</Button>
        </Group>
      </Stack>
    </form>
  );
}
