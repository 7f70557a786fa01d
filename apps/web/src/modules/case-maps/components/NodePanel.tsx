import { useState } from 'react';
import { Badge, Button, Group, Select, Stack, TagsInput, Text, Title } from '@mantine/core';
import { IconFocus2, IconTrash } from '@tabler/icons-react';
import {
  MAP_NODE_TYPE_FIELDS,
  MAP_NODE_TYPE_LABELS,
  MAP_SUGGESTED_TAGS,
  PERSON_ROLES,
} from '@coalesce/domain';
import type { MapSensitivity } from '@coalesce/domain';
import type { FullMapNode } from '@coalesce/case-map';
import type { MapNodeDetailsPatch } from '@coalesce/protocol';
import { CountrySelect } from '../../organizations/components/CountrySelect';
import { commitField } from '../utils/fieldErrorsOf';
import { DraftTextField } from './DraftTextField';
import { IdentifiersField } from './IdentifiersField';
import { LinkField } from './LinkField';
import { SensitivityControl } from './SensitivityControl';

const ROLE_LABELS: Record<(typeof PERSON_ROLES)[number], string> = {
  survivor: 'Survivor',
  recruiter: 'Recruiter',
  witness: 'Witness',
  official: 'Official',
  other: 'Other',
};

interface NodePanelProps {
  node: FullMapNode;
  coalitionId: string;
  ownerName: string;
  authorName: string | null;
  /** The viewer may edit the node's details. */
  editable: boolean;
  /** The viewer's organization holds the node. */
  owner: boolean;
  canUseLayer: boolean;
  /** Writes the change (throws MapModelError when refused). */
  onUpdate(patch: MapNodeDetailsPatch): void;
  onSensitivity(next: MapSensitivity): void;
  onFocus(): void;
  onDelete(): void;
}

/** The selected node's fields (those of its type), links, holder, author and sensitivity. */
export function NodePanel(props: NodePanelProps) {
  const { node, coalitionId, editable, onUpdate } = props;
  const fields = MAP_NODE_TYPE_FIELDS[node.type];
  const [errors, setErrors] = useState<Record<string, string>>({});
  const readOnly = !editable;

  const commit = (field: string, patch: MapNodeDetailsPatch): boolean => {
    const found = commitField(() => onUpdate(patch), fields);
    setErrors((current) => {
      const next = { ...current };
      delete next[field];
      delete next._form;
      return { ...next, ...found };
    });
    return Object.keys(found).length === 0;
  };
  const has = (field: (typeof fields)[number]) => fields.includes(field);

  return (
    <Stack gap="sm" data-testid="node-panel">
      <div>
        <Text size="xs" c="dimmed">
          {MAP_NODE_TYPE_LABELS[node.type]}
        </Text>
        <Title order={3} size="h4" style={{ overflowWrap: 'anywhere' }}>
          {node.name}
        </Title>
        <Group gap={4} mt={4}>
          <Badge variant="light" color="gray">
            Held by {props.ownerName}
          </Badge>
          {props.authorName && (
            <Badge variant="outline" color="gray">
              Added by {props.authorName}
            </Badge>
          )}
        </Group>
      </div>
      {errors._form && (
        <Text size="sm" c="red" role="alert">
          {errors._form}
        </Text>
      )}
      {readOnly && (
        <Text size="xs" c="dimmed">
          {props.owner || node.sensitivity === 'shared'
            ? 'You can view this map but not change it.'
            : 'Only the organization that holds this node can change its details.'}
        </Text>
      )}
      <DraftTextField
        label="Name"
        value={node.name}
        error={errors.name}
        readOnly={readOnly}
        onCommit={(name) => commit('name', { name })}
      />
      <DraftTextField
        label="Description"
        multiline
        value={node.description}
        error={errors.description}
        readOnly={readOnly}
        onCommit={(description) => commit('description', { description })}
      />
      <TagsInput
        label="Tags"
        data={MAP_SUGGESTED_TAGS as string[]}
        value={node.tags}
        readOnly={readOnly}
        error={errors.tags}
        onChange={(tags) => commit('tags', { tags })}
        clearable={!readOnly}
        splitChars={[',', ' ']}
      />
      {has('role') && (
        <Select
          label="Role"
          data={PERSON_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          value={node.role}
          readOnly={readOnly}
          clearable={!readOnly}
          error={errors.role}
          onChange={(role) =>
            commit('role', { role: role as (typeof PERSON_ROLES)[number] | null })
          }
        />
      )}
      {has('country') && (
        <CountrySelect
          label="Country"
          value={node.country}
          readOnly={readOnly}
          clearable={!readOnly}
          error={errors.country}
          onChange={(country) => commit('country', { country })}
        />
      )}
      {(has('startDate') || has('endDate')) && (
        <Group grow gap="xs" align="flex-start">
          {has('startDate') && (
            <DraftTextField
              label="From"
              type="date"
              value={node.startDate ?? ''}
              error={errors.startDate}
              readOnly={readOnly}
              onCommit={(v) => commit('startDate', { startDate: v || null })}
            />
          )}
          {has('endDate') && (
            <DraftTextField
              label="Until"
              type="date"
              value={node.endDate ?? ''}
              error={errors.endDate}
              readOnly={readOnly}
              onCommit={(v) => commit('endDate', { endDate: v || null })}
            />
          )}
        </Group>
      )}
      {has('identifiers') && (
        <IdentifiersField
          value={node.identifiers}
          readOnly={readOnly}
          error={errors.identifiers}
          onCommit={(identifiers) => commit('identifiers', { identifiers })}
        />
      )}
      {has('link') && (
        <LinkField
          coalitionId={coalitionId}
          value={node.link}
          readOnly={readOnly}
          error={errors.link}
          onChange={(link) => commit('link', { link })}
        />
      )}
      <SensitivityControl
        value={node.sensitivity}
        owner={props.owner}
        canUseLayer={props.canUseLayer}
        onChange={props.onSensitivity}
      />
      <Group gap="xs">
        <Button
          size="xs"
          variant="light"
          leftSection={<IconFocus2 size={14} />}
          onClick={props.onFocus}
        >
          Focus
        </Button>
        {editable && (
          <Button
            size="xs"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            onClick={props.onDelete}
          >
            Delete
          </Button>
        )}
      </Group>
    </Stack>
  );
}
