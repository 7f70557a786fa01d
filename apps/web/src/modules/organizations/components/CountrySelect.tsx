import { Select } from '@mantine/core';
import type { SelectProps } from '@mantine/core';
import { countryOptions } from './countryOptions';

/** Searchable country picker whose value is the ISO 3166 two-letter code. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  return (
    <Select
      searchable
      data={countryOptions()}
      nothingFoundMessage="No country matches"
      placeholder="Search a country"
      {...props}
    />
  );
}
