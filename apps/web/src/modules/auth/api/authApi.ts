import type { z } from 'zod';
import type {
  AuthTokens,
  InvitePreviewDto,
  LoginInput,
  LoginResponse,
  MeDto,
  ProfileUpdate,
  registerSchema,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

/** The body of POST /auth/register as the client sends it (before server defaults). */
export type RegisterRequest = z.input<typeof registerSchema>;

export const meQueryKey = ['me'] as const;
export const invitePreviewKey = (token: string) => ['invite-preview', token] as const;

export const authApi = {
  login: (input: LoginInput) => http.post<LoginResponse>('/auth/login', input, { anonymous: true }),
  register: (input: RegisterRequest) =>
    http.post<AuthTokens>('/auth/register', input, { anonymous: true }),
  logout: () => http.post<void>('/auth/logout'),
  me: () => http.get<MeDto>('/me'),
  updateMe: (input: ProfileUpdate) => http.patch<MeDto>('/me', input),
  invitePreview: (token: string) =>
    http.get<InvitePreviewDto>('/invites/organization', { query: { token }, anonymous: true }),
};
