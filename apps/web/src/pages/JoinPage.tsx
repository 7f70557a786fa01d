import { Alert, Anchor, Button, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError } from '../ui/describeError';
import { PageLoader } from '../ui/PageLoader';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuthLayout } from '../modules/auth/components/AuthLayout';
import { InvitePreviewCard } from '../modules/auth/components/InvitePreviewCard';
import { SignUpForm } from '../modules/auth/components/SignUpForm';
import { useAuth } from '../modules/auth/hooks/useAuth';
import { useInvitePreview } from '../modules/auth/hooks/useInvitePreview';

/** `/join?token=...`: sign up into the organization that sent the invitation link. */
export function JoinPage() {
  useDocumentTitle('Join your organization');
  const [params] = useSearchParams();
  const token = params.get('token');
  const { status, signUp, signOut } = useAuth();
  const preview = useInvitePreview(status === 'signed-out' ? token : null);
  const navigate = useNavigate();

  if (status === 'restoring') return <PageLoader label="Restoring your session" />;

  const footer = (
    <>
      Already have an account?{' '}
      <Anchor component={Link} to="/sign-in">
        Sign in
      </Anchor>
    </>
  );

  if (status === 'signed-in') {
    return (
      <AuthLayout title="Invitation" footer={footer}>
        <Text size="sm">
          You are signed in. An account belongs to one organization, so to accept this invitation
          sign out first and create a new account with the link.
        </Text>
        <Stack gap="sm">
          <Button onClick={() => signOut()}>Sign out and continue</Button>
          <Button component={Link} to="/" variant="default">
            Back to your workspace
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const problem = !token
    ? {
        title: 'Invitation link incomplete',
        message: 'The link has no invitation token. Copy the whole link you received.',
      }
    : preview.isError
      ? describeError(preview.error)
      : null;

  return (
    <AuthLayout title="Join your organization" footer={footer}>
      {problem ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertCircle />}
          title={problem.title}
          role="alert"
        >
          {problem.message} Ask an administrator of your organization for a new link.
        </Alert>
      ) : !preview.data ? (
        <Skeleton height={72} aria-label="Loading invitation" />
      ) : (
        <>
          <InvitePreviewCard invite={preview.data} />
          <SignUpForm
            inviteToken={token!}
            onSubmit={async (payload) => {
              await signUp(payload);
              navigate('/', { replace: true });
            }}
          />
        </>
      )}
    </AuthLayout>
  );
}
