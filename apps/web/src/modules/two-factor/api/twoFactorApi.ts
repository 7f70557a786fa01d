import type {
  AuthTokens,
  MfaVerifyInput,
  ReauthDto,
  ReauthInput,
  RecoveryCodesDto,
  TwoFactorEnrolmentDto,
  TwoFactorStatusDto,
} from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

export const twoFactorKeys = { status: ['two-factor'] as const };

export const twoFactorApi = {
  status: () => http.get<TwoFactorStatusDto>('/auth/mfa'),
  startEnrolment: () => http.post<TwoFactorEnrolmentDto>('/auth/mfa/enrolment'),
  confirmEnrolment: (code: string) =>
    http.post<RecoveryCodesDto>('/auth/mfa/enrolment/confirm', { code }),
  regenerateRecoveryCodes: () => http.post<RecoveryCodesDto>('/auth/mfa/recovery-codes'),
  disable: () => http.delete<void>('/auth/mfa'),
  /** Second step of a sign-in (no access token yet). */
  verify: (input: MfaVerifyInput) =>
    http.post<AuthTokens>('/auth/mfa/verify', input, { anonymous: true }),
  reauthenticate: (input: ReauthInput) => http.post<ReauthDto>('/auth/reauth', input),
};
