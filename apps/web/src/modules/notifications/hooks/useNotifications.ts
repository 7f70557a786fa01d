import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notificationKeys, notificationsApi } from '../api/notificationsApi';

/** The signed-in user's notifications and unread count; refreshed live on `entity:changed`. */
export function useNotifications() {
  return useQuery({ queryKey: notificationKeys.all, queryFn: notificationsApi.list });
}

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      id === 'all' ? notificationsApi.markAllRead() : notificationsApi.markRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}
