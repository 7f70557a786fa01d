import type {
  NotificationListDto,
  NotificationPreferencesDto,
  NotificationPreferencesUpdate,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const notificationKeys = {
  all: ['notifications'] as const,
  preferences: ['notification-preferences'] as const,
};

export const notificationsApi = {
  list: () => http.get<NotificationListDto>('/notifications', { query: { limit: 30 } }),
  markRead: (id: string) => http.post<void>(`/notifications/${encodeURIComponent(id)}/read`),
  markAllRead: () => http.post<void>('/notifications/read-all'),
  preferences: () => http.get<NotificationPreferencesDto>('/notifications/preferences'),
  setPreferences: (input: NotificationPreferencesUpdate) =>
    http.put<NotificationPreferencesDto>('/notifications/preferences', input),
};
