import { Stack, Switch } from '@mantine/core';
import { NOTIFICATION_KINDS, NOTIFICATION_KIND_LABELS } from '@coalesce/protocol';
import { ErrorState } from '../../../ui/ErrorState';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import {
  useNotificationPreferences,
  useSetNotificationPreferences,
} from '../hooks/useNotificationPreferences';

/** One switch per kind of notification; a kind switched off no longer notifies this user. */
export function NotificationPreferencesForm() {
  const prefs = useNotificationPreferences();
  const save = useSetNotificationPreferences();
  if (prefs.isPending) return <TableSkeleton rows={4} label="Loading preferences" />;
  if (prefs.isError) return <ErrorState error={prefs.error} onRetry={() => prefs.refetch()} />;
  return (
    <Stack gap="sm" data-testid="notification-preferences">
      {NOTIFICATION_KINDS.map((kind) => (
        <Switch
          key={kind}
          label={NOTIFICATION_KIND_LABELS[kind]}
          checked={prefs.data.enabled[kind]}
          onChange={(e) => save.mutate({ enabled: { [kind]: e.currentTarget.checked } })}
        />
      ))}
    </Stack>
  );
}
