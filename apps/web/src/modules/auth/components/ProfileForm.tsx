import { Button, Group, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { profileUpdateSchema } from '@coalesce/protocol';
import type { MeDto } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useUpdateProfile } from '../hooks/useUpdateProfile';

const FIELDS = ['name'] as const;

/** The user's display name (email changes are not offered). */
export function ProfileForm({ me }: { me: MeDto }) {
  const update = useUpdateProfile();
  const form = useForm({
    initialValues: { name: me.name },
    validate: schemaResolver(profileUpdateSchema, { sync: true }),
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    await update.mutateAsync(values);
    form.resetDirty(values);
    notifySuccess('Your name was saved.');
  });

  return (
    <form onSubmit={submit} noValidate>
      <FormError error={error} />
      <Group align="flex-end" gap="sm" mt={error ? 'md' : 0}>
        <TextInput label="Your name" w={320} required {...form.getInputProps('name')} />
        <TextInput label="Email" w={320} value={me.email} readOnly disabled />
        <Button type="submit" loading={submitting} disabled={!form.isDirty()}>
          Save
        </Button>
      </Group>
    </form>
  );
}
