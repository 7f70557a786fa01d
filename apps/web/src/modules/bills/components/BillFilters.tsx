import { Group, Select, Switch, TextInput } from '@mantine/core';
import {
  BILL_STAGES,
  BILL_STAGE_LABELS,
  POSITION_LABELS,
  POSITION_STANCES,
} from '@coalesce/domain';
import type { BillFilters as Filters } from '../api/billsApi';

interface Props {
  value: Filters;
  onChange: (next: Filters) => void;
  organizations: Array<{ id: string; name: string }>;
}

const SORTS = [
  { value: 'last-action', label: 'Last action' },
  { value: 'priority', label: 'Priority' },
  { value: 'identifier', label: 'Identifier' },
  { value: 'updated', label: 'Recently changed' },
];

/** Filters of the bills list: stage, jurisdiction, tag, lead org, an org's position; and the sort. */
export function BillFilters({ value, onChange, organizations }: Props) {
  const set = (patch: Filters) => onChange({ ...value, ...patch });
  const orgs = organizations.map((o) => ({ value: o.id, label: o.name }));
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search"
        placeholder="Title or number"
        value={value.q ?? ''}
        onChange={(e) => set({ q: e.currentTarget.value || undefined })}
      />
      <Select
        label="Stage"
        placeholder="Any"
        clearable
        data={BILL_STAGES.map((s) => ({ value: s, label: BILL_STAGE_LABELS[s] }))}
        value={value.stage ?? null}
        onChange={(v) => set({ stage: (v as Filters['stage']) ?? undefined })}
      />
      <TextInput
        label="Jurisdiction"
        placeholder="e.g. US federal"
        value={value.jurisdiction ?? ''}
        onChange={(e) => set({ jurisdiction: e.currentTarget.value || undefined })}
      />
      <TextInput
        label="Tag"
        value={value.tag ?? ''}
        onChange={(e) => set({ tag: e.currentTarget.value || undefined })}
      />
      <Select
        label="Lead organization"
        placeholder="Any"
        clearable
        data={orgs}
        value={value.leadOrgId ?? null}
        onChange={(v) => set({ leadOrgId: v ?? undefined })}
      />
      <Select
        label="Position"
        placeholder="Any"
        clearable
        data={POSITION_STANCES.map((s) => ({ value: s, label: POSITION_LABELS[s] }))}
        value={value.stance ?? null}
        onChange={(v) => set({ stance: (v as Filters['stance']) ?? undefined })}
      />
      <Select
        label="Held by"
        placeholder="Any organization"
        clearable
        data={orgs}
        value={value.positionOrgId ?? null}
        onChange={(v) => set({ positionOrgId: v ?? undefined })}
      />
      <Select
        label="Sort by"
        data={SORTS}
        allowDeselect={false}
        value={value.sort ?? 'last-action'}
        onChange={(v) => set({ sort: (v as Filters['sort']) ?? 'last-action' })}
      />
      <Switch
        label="Watchlist only"
        checked={value.watched === true}
        onChange={(e) => set({ watched: e.currentTarget.checked ? true : undefined })}
        mb={8}
      />
    </Group>
  );
}
