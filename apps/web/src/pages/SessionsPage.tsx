import { Stack } from '@mantine/core';
import { PageHeader } from '../ui/PageHeader';
import { SectionCard } from '../ui/SectionCard';
import { useDocumentTitle } from '../ui/useDocumentTitle';
import { ProfileForm } from '../modules/auth/components/ProfileForm';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { ChangePasswordForm } from '../modules/sessions/components/ChangePasswordForm';
import { SessionsSection } from '../modules/sessions/components/SessionsSection';

export function SessionsPage() {
  const me = useCurrentUser();
  useDocumentTitle('Sessions & security');
  return (
    <Stack gap="lg">
      <PageHeader
        title="Sessions & security"
        description="Your profile, the devices signed in to your account, and your password."
      />
      <SectionCard title="Profile">
        <ProfileForm me={me} />
      </SectionCard>
      <SessionsSection />
      <SectionCard
        title="Change password"
        description="Other devices are signed out when you change your password."
      >
        <ChangePasswordForm email={me.email} name={me.name} />
      </SectionCard>
    </Stack>
  );
}
