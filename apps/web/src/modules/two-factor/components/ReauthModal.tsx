import { Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { twoFactorApi } from '../api/twoFactorApi';

const FIELDS = ['password', 'code'] as const;

interface Values {
  password: string;
  code: string;
}

/** "Confirm it is you" before a sensitive change: the password, and a code when two-factor is on. */
export function ReauthModal({
  opened,
  needsCode,
  onConfirmed,
  onCancel,
}: {
  opened: boolean;
  needsCode: boolean;
  onConfirmed: () => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    initialValues: { password: '', code: '' },
    validate: {
      password: (v) => (v ? null : 'Password is required.'),
      code: (v) =>
        needsCode && !v.trim()
          ? 'Enter the 6-digit code from your authenticator app, or a recovery code.'
          : null,
    },
  });
  const { error, setError, submitting, handle } = useServerForm(form, FIELDS);

  const close = () => {
    if (submitting) return;
    form.reset();
    setError(null);
    onCancel();
  };

  const submit = handle(async ({ password, code }) => {
    await twoFactorApi.reauthenticate(needsCode ? { password, code: code.trim() } : { password });
    form.reset();
    onConfirmed();
  });

  return (
    <Modal opened={opened} onClose={close} title="Confirm it is you" centered zIndex={400}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">
            This change protects your account, so it needs a sign-in from the last 5 minutes.
            {needsCode
              ? ' Enter your password and a code from your authenticator app.'
              : ' Enter your password to continue.'}
          </Text>
          <FormError error={error} />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            data-autofocus
            {...form.getInputProps('password')}
          />
          {needsCode && (
            <TextInput
              label="Authentication code"
              description="6 digits from your app, or one of your recovery codes."
              autoComplete="one-time-code"
              inputMode="text"
              required
              {...form.getInputProps('code')}
            />
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={submitting}>
              Cancel
            </Button>
            <Button type="submit" loading={submitting}>
              Confirm
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
