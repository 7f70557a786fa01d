import { MultiSelect } from '@mantine/core';
import type { MultiSelectProps } from '@mantine/core';
import { FOCUS_AREAS, FOCUS_AREA_LABELS } from '@coalesce/domain';

const OPTIONS = FOCUS_AREAS.map((area) => ({ value: area, label: FOCUS_AREA_LABELS[area] }));

export function FocusAreasSelect(props: Omit<MultiSelectProps, 'data'>) {
  return (
    <MultiSelect
      data={OPTIONS}
      searchable
      clearable
      placeholder="Choose the areas you work in"
      {...props}
    />
  );
}
