import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { MAP_EDGE_TYPE_LABELS, MAP_EDGE_TYPES } from '@coalesce/domain';
import type { MapEdgeType } from '@coalesce/domain';

export interface ConnectDraft {
  source: string;
  target: string;
  sourceName: string;
  targetName: string;
  /** One end is a private node: the edge will be private too. */
  private: boolean;
}

interface ConnectModalProps {
  draft: ConnectDraft | null;
  onClose(): void;
  onConnect(input: { type: MapEdgeType; directed: boolean; label: string }): void;
}

/** After a connection is drawn: what kind of relationship it is. */
export function ConnectModal({ draft, onClose, onConnect }: ConnectModalProps) {
  const [type, setType] = useState<MapEdgeType>('related');
  const [directed, setDirected] = useState(true);
  const [label, setLabel] = useState('');
  return (
    <Modal opened={draft !== null} onClose={onClose} title="Connect" centered>
      {draft && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onConnect({ type, directed, label });
            setLabel('');
          }}
        >
          <Stack>
            <Select
              label={`${draft.sourceName} … ${draft.targetName}`}
              data={MAP_EDGE_TYPES.map((t) => ({ value: t, label: MAP_EDGE_TYPE_LABELS[t] }))}
              value={type}
              onChange={(value) => value && setType(value as MapEdgeType)}
              allowDeselect={false}
              data-autofocus
            />
            <Checkbox
              label="Directed (from the first node to the second)"
              checked={directed}
              onChange={(event) => setDirected(event.currentTarget.checked)}
            />
            <TextInput
              label="Label"
              value={label}
              onChange={(event) => setLabel(event.currentTarget.value)}
            />
            {draft.private && (
              <Alert color="orange" variant="light">
                One end is a private node, so this connection will be private too: only your
                organization will see it.
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit">Connect</Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
