import { Stack } from '@mantine/core';
import { NotificationPreferencesForm } from '../modules/notifications/components/NotificationPreferencesForm';
import { PageHeader } from '../ui/PageHeader';
import { SectionCard } from '../ui/SectionCard';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function NotificationSettingsPage() {
  useDocumentTitle('Notifications');
  return (
    <Stack gap="lg">
      <PageHeader title="Notifications" description="Choose what notifies you in Coalesce." />
      <SectionCard title="Notify me when">
        <NotificationPreferencesForm />
      </SectionCard>
    </Stack>
  );
}
