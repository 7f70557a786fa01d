import { useState } from 'react';
import { Anchor, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ErrorState } from '../../../ui/ErrorState';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { FormError } from '../../../ui/FormError';
import { notifySuccess } from '../../../ui/notify';
import { SectionCard } from '../../../ui/SectionCard';
import { useOrgSecurity, useUpdateOrgSecurity } from '../hooks/useOrgSecurity';

/**
 * "Require two-factor for members": admins switch it; members see whether it is on. While on,
 * members without two-factor can only set it up after signing in.
 */
export function OrgTwoFactorSetting({
  organizationId,
  canEdit,
}: {
  organizationId: string;
  canEdit: boolean;
}) {
  const me = useCurrentUser();
  const settings = useOrgSecurity(organizationId);
  const update = useUpdateOrgSecurity(organizationId);
  const [error, setError] = useState<unknown>(null);

  const toggle = async (requireTwoFactor: boolean) => {
    setError(null);
    try {
      const saved = await update.mutateAsync({ requireTwoFactor });
      notifySuccess(
        saved.requireTwoFactor
          ? 'Members now need two-factor authentication.'
          : 'Two-factor authentication is now optional for members.',
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <SectionCard
      title="Two-factor authentication"
      description="Require every member to confirm sign-ins with an authenticator app."
    >
      {settings.isPending ? (
        <Skeleton height={40} aria-label="Loading security settings" />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <Stack gap="sm">
          <FormError error={error} />
          <Switch
            label="Require two-factor authentication for members"
            description="Members without it can sign in, but only to set it up."
            checked={settings.data.requireTwoFactor}
            disabled={!canEdit || update.isPending}
            onChange={(event) => void toggle(event.currentTarget.checked)}
          />
          <Text size="sm" c={settings.data.membersWithoutTwoFactor > 0 ? undefined : 'dimmed'}>
            {settings.data.membersWithoutTwoFactor === 0
              ? 'Every active member uses two-factor authentication.'
              : settings.data.membersWithoutTwoFactor === 1
                ? '1 active member does not use two-factor authentication yet.'
                : `${settings.data.membersWithoutTwoFactor} active members do not use two-factor authentication yet.`}
          </Text>
          {canEdit && !me.twoFactor.enabled && (
            <Text size="xs" c="dimmed">
              Turn it on for your own account first, under{' '}
              <Anchor component={Link} to="/account/security" size="xs">
                Sessions &amp; security
              </Anchor>
              .
            </Text>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}
