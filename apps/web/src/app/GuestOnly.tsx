import { Navigate, Outlet, useSearchParams } from 'react-router';
import { safeRedirect } from '../lib/safeRedirect';
import { PageLoader } from '../ui/PageLoader';
import { useAuth } from '../modules/auth/hooks/useAuth';

/** Sign-in and sign-up: a signed-in user goes on to where they were heading. */
export function GuestOnly() {
  const { status } = useAuth();
  const [params] = useSearchParams();
  if (status === 'restoring') return <PageLoader label="Restoring your session" />;
  if (status === 'signed-in') return <Navigate to={safeRedirect(params.get('next'))} replace />;
  return <Outlet />;
}
