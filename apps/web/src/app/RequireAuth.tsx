import { Center } from '@mantine/core';
import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../ui/ErrorState';
import { PageLoader } from '../ui/PageLoader';
import { useAuth } from '../modules/auth/hooks/useAuth';
import { CurrentUserContext } from '../modules/auth/hooks/currentUserContext';
import { useMe } from '../modules/auth/hooks/useMe';
import { ReauthProvider } from '../modules/two-factor/components/ReauthProvider';
import {
  TWO_FACTOR_SETUP_PATH,
  twoFactorSetupLink,
} from '../modules/two-factor/twoFactorSetupPath';

/**
 * The signed-in part of the app: waits for the session and GET /me, else sends to sign-in. A
 * member whose organization requires two-factor goes to its setup until it is on.
 */
export function RequireAuth() {
  const { status, signedOutByUser } = useAuth();
  const location = useLocation();
  const me = useMe();

  if (status === 'restoring') return <PageLoader label="Restoring your session" />;
  if (status === 'signed-out') {
    const next = location.pathname + location.search;
    const to =
      signedOutByUser || next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`;
    return <Navigate to={to} replace />;
  }
  if (me.isPending) return <PageLoader label="Loading your workspace" />;
  if (me.isError) {
    return (
      <Center h="80vh">
        <ErrorState error={me.error} onRetry={() => me.refetch()} />
      </Center>
    );
  }
  if (me.data.twoFactor.enrolmentRequired && location.pathname !== TWO_FACTOR_SETUP_PATH) {
    return <Navigate to={twoFactorSetupLink(location.pathname + location.search)} replace />;
  }
  return (
    <CurrentUserContext value={me.data}>
      <ReauthProvider needsCode={me.data.twoFactor.enabled}>
        <Outlet />
      </ReauthProvider>
    </CurrentUserContext>
  );
}
