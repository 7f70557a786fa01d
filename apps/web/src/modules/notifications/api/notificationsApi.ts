import type { NotificationListDto } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const notificationKeys = {
  all: ['notifications'] as const,
};

export const notificationsApi = {
  list: () => http.get<NotificationListDto>('/notifications', { query: { limit: 30 } }),
  markRead: (id: string) => http.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => http.post<void>('/notifications/read-all'),
};
