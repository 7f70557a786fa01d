import { useState } from 'react';
import { Loader, Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import type { OrganizationDto } from '@coalesce/protocol';
import { countryName } from '../../organizations/components/countryOptions';
import { useOrganizationDirectory } from '../../organizations/hooks/useOrganizationDirectory';

interface Props {
  value: OrganizationDto | null;
  onChange: (org: OrganizationDto | null) => void;
  /** Organizations that cannot be chosen (already members). */
  excludeIds: ReadonlySet<string>;
  error?: string;
}

/** Picks an organization from the directory, searching on the server as the user types. */
export function OrganizationPicker({ value, onChange, excludeIds, error }: Props) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const directory = useOrganizationDirectory(value ? '' : debounced);
  const found = (directory.data ?? []).filter((org) => !excludeIds.has(org.id));
  const options = value && !found.some((o) => o.id === value.id) ? [value, ...found] : found;

  return (
    <Select
      label="Organization"
      description="Search the directory of organizations on Coalesce."
      placeholder="Type a name"
      required
      searchable
      clearable
      data-autofocus
      leftSection={<IconSearch size={16} />}
      rightSection={directory.isFetching ? <Loader size="xs" /> : undefined}
      data={options.map((org) => ({
        value: org.id,
        label: `${org.name} · ${countryName(org.country)}`,
      }))}
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={value?.id ?? null}
      onChange={(id) => onChange(options.find((o) => o.id === id) ?? null)}
      nothingFoundMessage={
        directory.isFetching ? 'Searching…' : 'No organization outside the coalition matches'
      }
      error={error}
    />
  );
}
