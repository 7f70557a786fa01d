import { useQuery } from '@tanstack/react-query';
import { authApi, meQueryKey } from '../api/authApi';
import { useAuth } from './useAuth';

/** The signed-in user with their organization and coalitions (GET /me). */
export function useMe() {
  const { status } = useAuth();
  return useQuery({ queryKey: meQueryKey, queryFn: authApi.me, enabled: status === 'signed-in' });
}
