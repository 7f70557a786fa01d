import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { loginSchema } from '@coalesce/protocol';
import type { LoginInput } from '@coalesce/protocol';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';

const FIELDS = ['email', 'password'] as const;

export function SignInForm({ onSubmit }: { onSubmit: (values: LoginInput) => Promise<void> }) {
  const form = useForm<LoginInput>({
    initialValues: { email: '', password: '' },
    validate: schemaResolver(loginSchema, { sync: true }),
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  return (
    <form onSubmit={handle(onSubmit)} noValidate>
      <Stack gap="md">
        <FormError error={error} />
        <TextInput
          label="Email"
          type="email"
          autoComplete="username"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Button type="submit" loading={submitting} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
