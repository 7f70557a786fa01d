import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { changeEmailSchema } from '@coalesce/protocol';
import type { ChangeEmailInput } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { useChangeEmail } from '../hooks/useSessionMutations';

const FIELDS = ['email', 'currentPassword'] as const;

/** The address you sign in with (the current one is in the section's description). */
export function ChangeEmailForm() {
  const change = useChangeEmail();
  const form = useForm<ChangeEmailInput>({
    initialValues: { email: '', currentPassword: '' },
    validate: schemaResolver(changeEmailSchema, { sync: true }),
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async (values) => {
    const me = await change.mutateAsync(values);
    form.reset();
    notifySuccess(`You now sign in with ${me.email}.`);
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormError error={error} />
        <TextInput
          label="New email"
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            Change email
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
