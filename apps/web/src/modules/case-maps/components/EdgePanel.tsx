import { useState } from 'react';
import { Anchor, Badge, Button, Checkbox, Group, Select, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { MAP_EDGE_TYPE_LABELS, MAP_EDGE_TYPES } from '@coalesce/domain';
import type { MapEdgeType } from '@coalesce/domain';
import type { MapEdge, MapEdgePatch } from '@coalesce/protocol';
import { commitField } from '../utils/fieldErrorsOf';
import { DraftTextField } from './DraftTextField';

const FIELDS = ['type', 'directed', 'label', 'evidenceUrl', 'startDate', 'endDate'];

interface EdgePanelProps {
  edge: MapEdge;
  sourceName: string;
  targetName: string;
  ownerName: string;
  editable: boolean;
  /** Writes the change (throws MapModelError when refused). */
  onUpdate(patch: MapEdgePatch): void;
  onDelete(): void;
}

/** The selected connection: its type, direction, label, evidence and dates. */
export function EdgePanel(props: EdgePanelProps) {
  const { edge, editable, onUpdate } = props;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = !editable;
  const commit = (field: string, patch: MapEdgePatch): boolean => {
    const found = commitField(() => onUpdate(patch), FIELDS);
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      delete next._form;
      return { ...next, ...found };
    });
    return Object.keys(found).length === 0;
  };

  return (
    <Stack gap="sm" data-testid="edge-panel">
      <div>
        <Text size="xs" c="dimmed">
          Connection
        </Text>
        <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
          {props.sourceName} {edge.directed ? '→' : '—'} {props.targetName}
        </Title>
        {edge.sensitivity === 'private' && (
          <Badge mt={4} color="red" variant="light">
            Private to {props.ownerName}
          </Badge>
        )}
      </div>
      {errors._form && (
        <Text size="sm" c="red" role="alert">
          {errors._form}
        </Text>
      )}
      <Select
        label="Type"
        data={MAP_EDGE_TYPES.map((t) => ({ value: t, label: MAP_EDGE_TYPE_LABELS[t] }))}
        value={edge.type}
        readOnly={readOnly}
        allowDeselect={false}
        error={errors.type}
        onChange={(type) => type && commit('type', { type: type as MapEdgeType })}
      />
      <Checkbox
        label="Directed"
        checked={edge.directed}
        disabled={readOnly}
        onChange={(e) => commit('directed', { directed: e.currentTarget.checked })}
      />
      <DraftTextField
        label="Label"
        value={edge.label}
        error={errors.label}
        readOnly={readOnly}
        onCommit={(label) => commit('label', { label })}
      />
      <DraftTextField
        label="Evidence (link to a source)"
        placeholder="https://"
        value={edge.evidenceUrl ?? ''}
        error={errors.evidenceUrl}
        readOnly={readOnly}
        onCommit={(v) => commit('evidenceUrl', { evidenceUrl: v.trim() || null })}
      />
      {edge.evidenceUrl && (
        <Anchor href={edge.evidenceUrl} target="_blank" rel="noopener noreferrer" size="sm">
          Open the source
        </Anchor>
      )}
      <Group grow gap="xs" align="flex-start">
        <DraftTextField
          label="From"
          type="date"
          value={edge.startDate ?? ''}
          error={errors.startDate}
          readOnly={readOnly}
          onCommit={(v) => commit('startDate', { startDate: v || null })}
        />
        <DraftTextField
          label="Until"
          type="date"
          value={edge.endDate ?? ''}
          error={errors.endDate}
          readOnly={readOnly}
          onCommit={(v) => commit('endDate', { endDate: v || null })}
        />
      </Group>
      {editable && (
        <Button
          size="xs"
          variant="subtle"
          color="red"
          leftSection={<IconTrash size={14} />}
          onClick={props.onDelete}
          style={{ alignSelf: 'flex-start' }}
        >
          Delete connection
        </Button>
      )}
    </Stack>
  );
}
