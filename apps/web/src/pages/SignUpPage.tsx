import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { AuthLayout } from '../modules/auth/components/AuthLayout';
import { SignUpForm } from '../modules/auth/components/SignUpForm';
import { useAuth } from '../modules/auth/hooks/useAuth';

export function SignUpPage() {
  useDocumentTitle('Create an account');
  const { signUp } = useAuth();
  return (
    <AuthLayout
      width={560}
      title="Create your organization"
      subtitle="You become its administrator and can invite colleagues and join coalitions. To join an organization that is already here, ask its administrator for an invitation link."
      footer={
        <>
          Already have an account?{' '}
          <Anchor component={Link} to="/sign-in">
            Sign in
          </Anchor>
        </>
      }
    >
      <SignUpForm onSubmit={signUp} />
    </AuthLayout>
  );
}
