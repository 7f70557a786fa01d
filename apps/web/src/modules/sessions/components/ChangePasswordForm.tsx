import { Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { changePasswordSchema } from '@coalesce/protocol';
import { issuesToFields, mapFieldErrors } from '../../../lib/fieldErrors';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { useServerForm } from '../../../ui/useServerForm';
import { PasswordRules } from '../../auth/components/PasswordRules';
import { useChangePassword } from '../hooks/useSessionMutations';

const FIELDS = ['currentPassword', 'password', 'confirm'] as const;

interface Values {
  currentPassword: string;
  password: string;
  confirm: string;
}

/** Changing the password also signs out every other device (the server ends those sessions). */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const change = useChangePassword();
  const form = useForm<Values>({
    initialValues: { currentPassword: '', password: '', confirm: '' },
    validate: (values) => {
      const result = changePasswordSchema.safeParse({
        currentPassword: values.currentPassword,
        password: values.password,
      });
      const errors = result.success
        ? {}
        : mapFieldErrors(issuesToFields(result.error.issues), FIELDS).fieldErrors;
      if (values.confirm !== values.password) errors.confirm = 'The passwords do not match.';
      return errors;
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  const submit = handle(async ({ currentPassword, password }) => {
    await change.mutateAsync({ currentPassword, password });
    form.reset();
    notifySuccess('Your password was changed. Other devices were signed out.');
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={420}>
        <FormError error={error} />
        <PasswordInput
          label="Current password"
          autoComplete="current-password"
          required
          {...form.getInputProps('currentPassword')}
        />
        <Stack gap={6}>
          <PasswordInput
            label="New password"
            autoComplete="new-password"
            required
            aria-describedby="new-password-rules"
            {...form.getInputProps('password')}
          />
          <PasswordRules
            id="new-password-rules"
            password={form.values.password}
            email={email}
            name={name}
          />
        </Stack>
        <PasswordInput
          label="Repeat new password"
          autoComplete="new-password"
          required
          {...form.getInputProps('confirm')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            Change password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
