import { useState } from 'react';
import { Button, Center, Group, List, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { QRCodeSVG } from 'qrcode.react';
import { totpCodeSchema } from '@coalesce/protocol';
import type { TwoFactorEnrolmentDto } from '@coalesce/protocol';
import { CopyField } from '../../../ui/CopyField';
import { FormError } from '../../../ui/FormError';
import { useServerForm } from '../../../ui/useServerForm';
import { useTwoFactorMutations } from '../hooks/useTwoFactorMutations';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

const FIELDS = ['code'] as const;

/**
 * Turning two-factor on: a new secret shown as a QR code (and as text to type in), a code from the
 * app to prove it took the secret, then the recovery codes, once.
 */
export function TwoFactorEnrolment({
  onDone,
  onCancel,
}: {
  onDone: () => void;
  /** Leave before it is on (absent when the organization requires it). */
  onCancel?: () => void;
}) {
  const { start, confirm } = useTwoFactorMutations();
  const [enrolment, setEnrolment] = useState<TwoFactorEnrolmentDto | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const form = useForm<{ code: string }>({
    initialValues: { code: '' },
    validate: {
      code: (value) => {
        const result = totpCodeSchema.safeParse(value);
        return result.success ? null : result.error.issues[0]!.message;
      },
    },
  });
  const { error, handle, submitting } = useServerForm(form, FIELDS);

  const begin = async () => {
    setStartError(null);
    try {
      setEnrolment(await start.mutateAsync());
    } catch (err) {
      setStartError(err);
    }
  };

  const submit = handle(async ({ code }) => {
    const result = await confirm.mutateAsync(totpCodeSchema.parse(code));
    setRecoveryCodes(result.recoveryCodes);
  });

  if (recoveryCodes) {
    return (
      <Stack gap="lg">
        <Text fw={600}>Two-factor authentication is on.</Text>
        <RecoveryCodesPanel codes={recoveryCodes} />
        <Group>
          <Button onClick={onDone}>I have saved my recovery codes</Button>
        </Group>
      </Stack>
    );
  }

  if (!enrolment) {
    return (
      <Stack gap="md">
        <Text size="sm">
          With two-factor authentication, signing in takes your password and a 6-digit code from an
          authenticator app on your phone (for example 1Password, Google Authenticator, Microsoft
          Authenticator or FreeOTP), so a stolen password alone does not open your account.
        </Text>
        <FormError error={startError} />
        <Group>
          <Button onClick={begin} loading={start.isPending}>
            Start setup
          </Button>
          {onCancel && (
            <Button variant="subtle" color="gray" onClick={onCancel}>
              Not now
            </Button>
          )}
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <List type="ordered" spacing="xs" size="sm">
          <List.Item>Open your authenticator app and add an account.</List.Item>
          <List.Item>Scan this QR code, or type the setup key below.</List.Item>
          <List.Item>Enter the 6-digit code the app shows.</List.Item>
        </List>
        <Center>
          <Paper withBorder p="md" radius="md" bg="white">
            <QRCodeSVG
              value={enrolment.otpauthUri}
              size={196}
              marginSize={1}
              role="img"
              aria-label="QR code for your authenticator app"
            />
          </Paper>
        </Center>
        <CopyField
          label="Setup key"
          value={enrolment.secret}
          description={`For ${enrolment.accountName} at ${enrolment.issuer}: time-based, ${enrolment.digits} digits, every ${enrolment.periodSeconds} seconds.`}
        />
        <FormError error={error} />
        <TextInput
          label="6-digit code"
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={7}
          required
          w={220}
          {...form.getInputProps('code')}
        />
        <Group>
          <Button type="submit" loading={submitting}>
            Turn on two-factor
          </Button>
          {onCancel && (
            <Button variant="subtle" color="gray" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
