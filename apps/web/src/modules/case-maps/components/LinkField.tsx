import { useState } from 'react';
import { ActionIcon, Anchor, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconExternalLink, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MAP_LINK_KINDS } from '@coalesce/domain';
import type { MapLinkKind } from '@coalesce/domain';
import { useLinkSearch, useLinkTarget } from '../hooks/useLinkTargets';
import { LINK_KIND_LABELS } from '../utils/linkPaths';

interface LinkFieldProps {
  coalitionId: string;
  value: { kind: MapLinkKind; id: string } | null;
  readOnly: boolean;
  error?: string;
  onChange(link: { kind: MapLinkKind; id: string } | null): void;
}

/** A node's link to a bill, task or document of the coalition: shown, followed, picked. */
export function LinkField({ coalitionId, value, readOnly, error, onChange }: LinkFieldProps) {
  const target = useLinkTarget(coalitionId, value);
  const [kind, setKind] = useState<MapLinkKind>(value?.kind ?? 'bill');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const options = useLinkSearch(coalitionId, kind, readOnly ? '' : q);

  return (
    <Stack gap={6}>
      <Text size="sm" fw={500}>
        Link
      </Text>
      {value && (
        <Group gap={6} wrap="nowrap" data-testid="node-link">
          <Text size="xs" c="dimmed">
            {LINK_KIND_LABELS[value.kind]}
          </Text>
          {target.data ? (
            <Anchor component={Link} to={target.data.path} size="sm" lineClamp={2}>
              {target.data.title} <IconExternalLink size={12} />
            </Anchor>
          ) : (
            <Text size="sm" c="dimmed">
              {target.isPending ? 'Loading…' : 'Not available to you (deleted or not shared)'}
            </Text>
          )}
          {!readOnly && (
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Remove the link"
              onClick={() => onChange(null)}
            >
              <IconX size={14} />
            </ActionIcon>
          )}
        </Group>
      )}
      {!readOnly && (
        <>
          <SegmentedControl
            size="xs"
            value={kind}
            onChange={(v) => setKind(v as MapLinkKind)}
            data={MAP_LINK_KINDS.map((k) => ({ value: k, label: LINK_KIND_LABELS[k] }))}
          />
          <Select
            aria-label={`Link to a ${LINK_KIND_LABELS[kind].toLowerCase()}`}
            placeholder={`Search ${LINK_KIND_LABELS[kind].toLowerCase()}s`}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={options.data ?? []}
            value={null}
            filter={({ options: o }) => o}
            nothingFoundMessage={options.isFetching ? 'Searching…' : 'Nothing found'}
            onChange={(id) => {
              if (id) onChange({ kind, id });
              setSearch('');
            }}
            error={error}
          />
        </>
      )}
    </Stack>
  );
}
