import { Button, Group, Indicator, MultiSelect, Popover, Stack, TextInput } from '@mantine/core';
import { IconFilter } from '@tabler/icons-react';
import { MAP_NODE_TYPE_LABELS, MAP_NODE_TYPES } from '@coalesce/domain';
import type { MapNodeType } from '@coalesce/domain';
import { NO_FILTERS } from '../utils/mapFilters';
import type { MapFilters } from '../utils/mapFilters';

interface MapFiltersMenuProps {
  filters: MapFilters;
  tags: string[];
  organizations: Array<{ id: string; name: string }>;
  onChange(filters: MapFilters): void;
}

/** Filters by node type, tag, owning organization and date range. */
export function MapFiltersMenu({ filters, tags, organizations, onChange }: MapFiltersMenuProps) {
  const count =
    filters.types.length +
    filters.tags.length +
    filters.orgIds.length +
    (filters.from || filters.to ? 1 : 0);
  const set = (patch: Partial<MapFilters>) => onChange({ ...filters, ...patch });
  return (
    <Popover width={320} position="bottom-start" shadow="md" trapFocus>
      <Popover.Target>
        <Indicator label={count} size={16} disabled={count === 0}>
          <Button size="xs" variant="default" leftSection={<IconFilter size={14} />}>
            Filter
          </Button>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <MultiSelect
            label="Types"
            placeholder="All types"
            data={MAP_NODE_TYPES.map((t) => ({ value: t, label: MAP_NODE_TYPE_LABELS[t] }))}
            value={filters.types}
            onChange={(v) => set({ types: v as MapNodeType[] })}
            comboboxProps={{ withinPortal: false }}
            clearable
          />
          <MultiSelect
            label="Tags"
            placeholder={tags.length ? 'Any tag' : 'No tags on this map'}
            data={tags}
            value={filters.tags}
            onChange={(v) => set({ tags: v })}
            comboboxProps={{ withinPortal: false }}
            searchable
            clearable
          />
          <MultiSelect
            label="Held by"
            placeholder="Any organization"
            data={organizations.map((o) => ({ value: o.id, label: o.name }))}
            value={filters.orgIds}
            onChange={(v) => set({ orgIds: v })}
            comboboxProps={{ withinPortal: false }}
            clearable
          />
          <Group grow gap="xs">
            <TextInput
              label="Active from"
              type="date"
              value={filters.from ?? ''}
              onChange={(e) => set({ from: e.currentTarget.value || null })}
            />
            <TextInput
              label="until"
              type="date"
              value={filters.to ?? ''}
              onChange={(e) => set({ to: e.currentTarget.value || null })}
            />
          </Group>
          <Button
            size="xs"
            variant="subtle"
            disabled={count === 0}
            onClick={() => onChange({ ...NO_FILTERS, focus: filters.focus })}
          >
            Clear filters
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
