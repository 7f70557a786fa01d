import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPreferencesUpdate } from '@coalesce/protocol';
import { notifyError } from '../../../ui/notify';
import { notificationKeys, notificationsApi } from '../api/notificationsApi';

export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: notificationsApi.preferences,
  });
}

export function useSetNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationPreferencesUpdate) => notificationsApi.setPreferences(input),
    onSuccess: (data) => queryClient.setQueryData(notificationKeys.preferences, data),
    onError: notifyError,
  });
}
