import { Alert, Anchor } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuthLayout } from '../modules/auth/components/AuthLayout';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { useAuth } from '../modules/auth/hooks/useAuth';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { signIn, endedMessage } = useAuth();
  const [params] = useSearchParams();
  const next = params.get('next');
  const signUpLink = next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back to your coalition workspace."
      footer={
        <>
          New to Coalesce?{' '}
          <Anchor component={Link} to={signUpLink}>
            Create an account for your organization
          </Anchor>
        </>
      }
    >
      {endedMessage && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          {endedMessage}
        </Alert>
      )}
      <SignInForm onSubmit={signIn} />
    </AuthLayout>
  );
}
