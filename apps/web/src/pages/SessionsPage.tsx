import { Stack } from '@mantine/core';
import { PageHeader } from '../ui/PageHeader';
import { SectionCard } from '../ui/SectionCard';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ProfileForm } from '../modules/auth/components/ProfileForm';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { ChangeEmailForm } from '../modules/sessions/components/ChangeEmailForm';
import { ChangePasswordForm } from '../modules/sessions/components/ChangePasswordForm';
import { SessionsSection } from '../modules/sessions/components/SessionsSection';
import { TwoFactorSection } from '../modules/two-factor/components/TwoFactorSection';

export function SessionsPage() {
  const me = useCurrentUser();
  useDocumentTitle('Sessions & security');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Sessions & security"
        description="Your profile, the devices signed in to your account, your second factor, email and password. Changing the last three asks for your password again when you signed in more than 5 minutes ago."
      />
      <SectionCard title="Profile">
        <ProfileForm me={me} />
      </SectionCard>
      <SessionsSection />
      <TwoFactorSection />
      <SectionCard title="Change email" description={`You sign in with ${me.email}.`}>
        <ChangeEmailForm />
      </SectionCard>
      <SectionCard
        title="Change password"
        description="Other devices are signed out when you change your password."
      >
        <ChangePasswordForm email={me.email} name={me.name} />
      </SectionCard>
    </Stack>
  );
}
