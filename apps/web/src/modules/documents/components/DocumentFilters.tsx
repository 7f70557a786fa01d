import { Group, SegmentedControl, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ListedDocKind } from '@coalesce/domain';
import type { DocumentSort, WorkingGroupDto } from '@coalesce/protocol';
import type { DocumentFilterState } from '../hooks/useDocumentFilters';
import { KIND_LABELS, TEXT_KINDS } from './documentLabels';

interface Props {
  state: DocumentFilterState;
  onChange: (patch: Partial<DocumentFilterState>) => void;
  workingGroups: WorkingGroupDto[];
  organizations: Array<{ id: string; name: string }>;
}

const SORTS: Array<{ value: DocumentSort; label: string }> = [
  { value: 'updated', label: 'Recently changed' },
  { value: 'created', label: 'Recently created' },
  { value: 'title', label: 'Title A–Z' },
];

/** Search in titles and text, filters and sort of the documents list. */
export function DocumentFilters({ state, onChange, workingGroups, organizations }: Props) {
  return (
    <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
      <TextInput
        aria-label="Search documents"
        placeholder="Search titles and text"
        leftSection={<IconSearch size={16} />}
        value={state.q}
        onChange={(e) => onChange({ q: e.currentTarget.value })}
        style={{ flex: '1 1 240px' }}
        data-testid="documents-search"
      />
      <Select
        aria-label="Kind"
        placeholder="Any kind"
        clearable
        w={170}
        data={TEXT_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        value={state.kind}
        onChange={(v) => onChange({ kind: (v as ListedDocKind | null) ?? null })}
      />
      <Select
        aria-label="Working group"
        placeholder="Any working group"
        clearable
        searchable
        w={200}
        data={workingGroups.map((g) => ({ value: g.id, label: g.name }))}
        value={state.workingGroupId}
        onChange={(v) => onChange({ workingGroupId: v })}
      />
      <Select
        aria-label="Owner organization"
        placeholder="Any owner"
        clearable
        searchable
        w={200}
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={state.ownerOrgId}
        onChange={(v) => onChange({ ownerOrgId: v })}
      />
      <Select
        aria-label="Changed within"
        placeholder="Changed any time"
        clearable
        w={170}
        data={[
          { value: '1', label: 'Changed today' },
          { value: '7', label: 'Changed this week' },
          { value: '30', label: 'Changed this month' },
        ]}
        value={state.updatedWithin}
        onChange={(v) => onChange({ updatedWithin: v })}
      />
      <Select
        aria-label="Sort"
        w={180}
        allowDeselect={false}
        data={SORTS}
        value={state.sort}
        onChange={(v) => onChange({ sort: (v as DocumentSort | null) ?? 'updated' })}
      />
      <SegmentedControl
        aria-label="Show"
        value={state.state}
        onChange={(v) => onChange({ state: v as DocumentFilterState['state'] })}
        data={[
          { value: 'active', label: 'Active' },
          { value: 'archived', label: 'Archived' },
          { value: 'all', label: 'All' },
        ]}
      />
    </Group>
  );
}
