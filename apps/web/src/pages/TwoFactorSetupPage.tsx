import { useState } from 'react';
import { Alert, Anchor, Button, Group } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { safeRedirect } from '../lib/safeRedirect';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { meQueryKey } from '../modules/auth/api/authApi';
import { AuthLayout } from '../modules/auth/components/AuthLayout';
import { useAuth } from '../modules/auth/hooks/useAuth';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { TwoFactorEnrolment } from '../modules/two-factor/components/TwoFactorEnrolment';

/**
 * `/two-factor/setup?next=...`: turning two-factor on, outside the app's frame, so that members
 * whose organization requires it (and who can reach nothing else yet) get here too.
 */
export function TwoFactorSetupPage() {
  useDocumentTitle('Set up two-factor authentication');
  const me = useCurrentUser();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const next = safeRedirect(params.get('next'));
  const held = me.twoFactor.enrolmentRequired;
  // Decided once: enrolment turns two-factor on before its recovery codes have been read.
  const [alreadyOn] = useState(me.twoFactor.enabled);

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: meQueryKey });
    navigate(next, { replace: true });
  };

  return (
    <AuthLayout
      title="Set up two-factor authentication"
      subtitle={`${me.name} · ${me.email}`}
      width={560}
      footer={
        held ? (
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={async () => {
              await signOut();
              navigate('/sign-in', { replace: true });
            }}
          >
            Sign out
          </Anchor>
        ) : undefined
      }
    >
      {held && (
        <Alert color="indigo" variant="light" icon={<IconShieldLock />}>
          {me.organization.name} requires two-factor authentication. Set it up to continue to your
          workspace.
        </Alert>
      )}
      {alreadyOn ? (
        <Group>
          <Button component={Link} to={next}>
            Two-factor authentication is on: continue
          </Button>
        </Group>
      ) : (
        <TwoFactorEnrolment
          onDone={done}
          onCancel={held ? undefined : () => navigate(next, { replace: true })}
        />
      )}
    </AuthLayout>
  );
}
