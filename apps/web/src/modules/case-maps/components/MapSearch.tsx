import { useMemo, useState } from 'react';
import { Autocomplete } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import type { MapView } from '@coalesce/case-map';
import { searchNodes } from '../utils/mapFilters';

interface MapSearchProps {
  view: MapView;
  /** Pans and zooms to the node and selects it. */
  onPick(nodeId: string): void;
}

/** Finds nodes by name. */
export function MapSearch({ view, onPick }: MapSearchProps) {
  const [query, setQuery] = useState('');
  const hits = useMemo(() => searchNodes(view, query), [view, query]);
  const options = hits.map((node) => ({
    value: node.id,
    // Stubs are never found (searchNodes reads names only where the viewer may read them).
    label: node.redacted ? '' : `${node.name} (${MAP_NODE_TYPE_LABELS[node.type]})`,
  }));
  return (
    <Autocomplete
      size="xs"
      w={220}
      aria-label="Search nodes"
      placeholder="Search nodes"
      leftSection={<IconSearch size={14} />}
      value={query}
      onChange={setQuery}
      data={options}
      filter={({ options: o }) => o}
      onOptionSubmit={(id) => {
        onPick(id);
        setQuery('');
      }}
    />
  );
}
