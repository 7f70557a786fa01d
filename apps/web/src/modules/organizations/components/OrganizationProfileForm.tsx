import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { organizationUpdateSchema } from '@coalesce/protocol';
import type { OrganizationDto } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useUpdateOrganization } from '../hooks/useOrganizationMutations';
import { OrganizationFields, toOrganizationInput } from './OrganizationFields';
import type { OrganizationFormValues } from './OrganizationFields';

const FIELDS = ['name', 'country', 'focusAreas', 'website', 'description'] as const;

interface Props {
  org: OrganizationDto;
  onDone: () => void;
}

export function OrganizationProfileForm({ org, onDone }: Props) {
  const update = useUpdateOrganization();
  const form = useForm<OrganizationFormValues>({
    initialValues: {
      name: org.name,
      country: org.country,
      focusAreas: org.focusAreas,
      website: org.website ?? '',
      description: org.description ?? '',
    },
    validate: (values) => {
      const result = organizationUpdateSchema.safeParse(toOrganizationInput(values));
      if (result.success) return {};
      const errors = mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
      if (!values.country) errors.country = 'Choose the country your organization is based in.';
      return errors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    await update.mutateAsync(toOrganizationInput(values));
    notifySuccess('The organization profile was saved.');
    onDone();
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={640}>
        <FormError error={error} />
        <OrganizationFields getInputProps={form.getInputProps} prefix="" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={submitting}>
            Cancel
          </Button>
          <Button type="submit" loading={submitting}>
            Save profile
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
