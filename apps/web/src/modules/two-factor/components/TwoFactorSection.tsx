import { useState } from 'react';
import { Badge, Button, Group, Modal, Skeleton, Stack, Text, Tooltip } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { formatDate } from '../../../lib/formatDate';
import { ConfirmModal } from '../../../ui/ConfirmModal';
import { ErrorState } from '../../../ui/ErrorState';
import { notifySuccess } from '../../../ui/notify';
import { SectionCard } from '../../../ui/SectionCard';
import { useTwoFactorMutations } from '../hooks/useTwoFactorMutations';
import { useTwoFactorStatus } from '../hooks/useTwoFactorStatus';
import { twoFactorSetupLink } from '../twoFactorSetupPath';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

/** Sessions & security: whether two-factor is on, new recovery codes, turning it off. */
export function TwoFactorSection() {
  const status = useTwoFactorStatus();
  const { regenerate, disable } = useTwoFactorMutations();
  const [confirming, setConfirming] = useState<'regenerate' | 'disable' | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);

  return (
    <SectionCard
      title="Two-factor authentication"
      description="A code from an authenticator app on your phone, asked for at every sign-in."
    >
      {status.isPending ? (
        <Skeleton height={60} aria-label="Loading two-factor status" />
      ) : status.isError ? (
        <ErrorState error={status.error} onRetry={() => status.refetch()} />
      ) : status.data.enabled ? (
        <Stack gap="md">
          <Group gap="sm">
            <Badge color="teal" leftSection={<IconShieldCheck size={14} />}>
              On
            </Badge>
            {status.data.enabledAt && (
              <Text size="sm">Since {formatDate(status.data.enabledAt)}.</Text>
            )}
            <Text size="sm" c={status.data.recoveryCodesLeft < 3 ? 'red' : undefined}>
              {status.data.recoveryCodesLeft === 1
                ? '1 recovery code left.'
                : `${status.data.recoveryCodesLeft} recovery codes left.`}
            </Text>
          </Group>
          <Group gap="sm">
            <Button variant="default" onClick={() => setConfirming('regenerate')}>
              New recovery codes
            </Button>
            <Tooltip
              label="Your organization requires two-factor authentication."
              disabled={!status.data.requiredByOrganization}
            >
              <Button
                variant="default"
                color="red"
                leftSection={<IconShieldOff size={16} />}
                disabled={status.data.requiredByOrganization}
                onClick={() => setConfirming('disable')}
              >
                Turn off
              </Button>
            </Tooltip>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Group gap="sm">
            <Badge color="gray">Off</Badge>
            <Text size="sm">
              {status.data.requiredByOrganization
                ? 'Your organization requires it.'
                : 'Only your password protects your account.'}
            </Text>
          </Group>
          <Group>
            <Button component={Link} to={twoFactorSetupLink('/account/security')}>
              Set up two-factor authentication
            </Button>
          </Group>
        </Stack>
      )}

      <ConfirmModal
        opened={confirming === 'regenerate'}
        onClose={() => setConfirming(null)}
        title="New recovery codes"
        confirmLabel="Make new codes"
        danger={false}
        onConfirm={async () => {
          setNewCodes((await regenerate.mutateAsync()).recoveryCodes);
        }}
      >
        Your current recovery codes stop working, and 10 new ones are shown once.
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'disable'}
        onClose={() => setConfirming(null)}
        title="Turn off two-factor authentication"
        confirmLabel="Turn off"
        onConfirm={async () => {
          await disable.mutateAsync();
          notifySuccess('Two-factor authentication is off.');
        }}
      >
        Signing in will take only your password. Your authenticator app and recovery codes stop
        working for this account.
      </ConfirmModal>
      <Modal
        opened={newCodes !== null}
        onClose={() => setNewCodes(null)}
        title="Your new recovery codes"
        size="lg"
        centered
      >
        <Stack gap="md">
          {newCodes && <RecoveryCodesPanel codes={newCodes} />}
          <Group justify="flex-end">
            <Button onClick={() => setNewCodes(null)}>I have saved them</Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
