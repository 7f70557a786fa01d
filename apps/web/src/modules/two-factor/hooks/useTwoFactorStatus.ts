import { useQuery } from '@tanstack/react-query';
import { twoFactorApi, twoFactorKeys } from '../api/twoFactorApi';

/** The signed-in user's second factor (GET /auth/mfa). */
export function useTwoFactorStatus() {
  return useQuery({ queryKey: twoFactorKeys.status, queryFn: twoFactorApi.status });
}
