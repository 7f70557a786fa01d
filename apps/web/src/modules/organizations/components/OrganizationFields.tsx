import { Stack, Textarea, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { FocusArea } from '@coalesce/domain';
import { CountrySelect } from './CountrySelect';
import { FocusAreasSelect } from './FocusAreasSelect';

export interface OrganizationFormValues {
  name: string;
  country: string;
  focusAreas: string[];
  website: string;
  description: string;
}

export const emptyOrganizationValues: OrganizationFormValues = {
  name: '',
  country: '',
  focusAreas: [],
  website: '',
  description: '',
};

/** The body the API expects from the form's values (blank optional fields become null). */
export function toOrganizationInput(values: OrganizationFormValues) {
  return {
    name: values.name,
    country: values.country.trim().toUpperCase(),
    focusAreas: values.focusAreas as FocusArea[],
    website: values.website.trim() || null,
    description: values.description.trim() || null,
  };
}

/** Organization profile inputs; `prefix` is the form path ("organization" in sign-up, "" in edit). */
export function OrganizationFields({
  getInputProps,
  prefix,
}: {
  getInputProps: (path: string) => GetInputPropsReturnType;
  prefix: string;
}) {
  const path = (field: keyof OrganizationFormValues) => (prefix ? `${prefix}.${field}` : field);
  return (
    <Stack gap="md">
      <TextInput label="Organization name" required {...getInputProps(path('name'))} />
      <CountrySelect label="Country" required {...getInputProps(path('country'))} />
      <FocusAreasSelect label="Focus areas" {...getInputProps(path('focusAreas'))} />
      <TextInput
        label="Website"
        placeholder="https://example.org"
        type="url"
        {...getInputProps(path('website'))}
      />
      <Textarea
        label="Description"
        description="What your organization does, in a sentence or two. Other organizations see this."
        autosize
        minRows={2}
        maxRows={6}
        {...getInputProps(path('description'))}
      />
    </Stack>
  );
}
