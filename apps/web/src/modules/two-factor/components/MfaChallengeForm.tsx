import { useState } from 'react';
import { Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';

const FIELDS = ['code'] as const;

/** Second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaChallengeForm({
  onSubmit,
  onBack,
}: {
  onSubmit: (code: string) => Promise<void>;
  onBack: () => void;
}) {
  const [recovery, setRecovery] = useState(false);
  const form = useForm<{ code: string }>({
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const v = value.replace(/\s+/g, '');
        if (recovery) return v.length >= 12 ? null : 'Enter one of your recovery codes.';
        return /^\d{6}$/.test(v) ? null : 'Enter the 6-digit code from your authenticator app.';
      },
    },
  });
  const { error, submitting, handle } = useServerForm(form, FIELDS);

  return (
    <form onSubmit={handle(({ code }) => onSubmit(code.trim()))} noValidate>
      <Stack gap="md">
        <Text size="sm">
          {recovery
            ? 'Enter one of the recovery codes you saved when you set up two-factor authentication. Each code works once.'
            : 'Open your authenticator app and enter the 6-digit code it shows for Coalesce.'}
        </Text>
        <FormError error={error} />
        <TextInput
          key={recovery ? 'recovery' : 'totp'}
          label={recovery ? 'Recovery code' : 'Authentication code'}
          autoComplete="one-time-code"
          inputMode={recovery ? 'text' : 'numeric'}
          required
          data-autofocus
          autoFocus
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={submitting} fullWidth>
          Verify
        </Button>
        <Group justify="space-between">
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setRecovery((r) => !r);
              form.setFieldValue('code', '');
              form.clearErrors();
            }}
          >
            {recovery ? 'Use your authenticator app' : 'Use a recovery code'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onBack}>
            Back
          </Anchor>
        </Group>
      </Stack>
    </form>
  );
}
