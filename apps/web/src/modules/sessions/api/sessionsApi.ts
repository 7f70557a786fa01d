import type { ChangeEmailInput, ChangePasswordInput, MeDto, SessionDto } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const sessionKeys = { list: ['sessions'] as const };

export const sessionsApi = {
  list: () => http.get<SessionDto[]>('/auth/sessions'),
  revoke: (id: string) => http.delete<void>(`/auth/sessions/${id}`),
  revokeOthers: () => http.delete<{ revoked: number }>('/auth/sessions'),
  changePassword: (input: ChangePasswordInput) => http.post<void>('/auth/password', input),
  changeEmail: (input: ChangeEmailInput) => http.patch<MeDto>('/me/email', input),
};
