import { useState } from 'react';
import { Alert, Anchor } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { LoginInput } from '@coalesce/protocol';
import { isApiError } from '../lib/ApiError';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuthLayout } from '../modules/auth/components/AuthLayout';
import { SignInForm } from '../modules/auth/components/SignInForm';
import { useAuth } from '../modules/auth/hooks/useAuth';
import { MfaChallengeForm } from '../modules/two-factor/components/MfaChallengeForm';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const { signIn, completeSignIn, endedMessage } = useAuth();
  const [params] = useSearchParams();
  const [challengeToken, setChallengeToken] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const next = params.get('next');
  const signUpLink = next ? `/sign-up?next=${encodeURIComponent(next)}` : '/sign-up';

  const submitPassword = async (values: LoginInput) => {
    setNotice(null);
    const challenge = await signIn(values);
    if (challenge) setChallengeToken(challenge.challengeToken);
  };

  const submitCode = async (code: string) => {
    try {
      await completeSignIn(challengeToken!, code);
    } catch (error) {
      if (isApiError(error) && error.code === 'MFA_CHALLENGE_EXPIRED') {
        setChallengeToken(null);
        setNotice(error.message);
        return;
      }
      throw error;
    }
  };

  if (challengeToken) {
    return (
      <AuthLayout title="Two-factor authentication" subtitle="One more step to sign in.">
        <MfaChallengeForm onSubmit={submitCode} onBack={() => setChallengeToken(null)} />
      </AuthLayout>
    );
  }

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
      {(notice ?? endedMessage) && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle />}>
          {notice ?? endedMessage}
        </Alert>
      )}
      <SignInForm onSubmit={submitPassword} />
    </AuthLayout>
  );
}
