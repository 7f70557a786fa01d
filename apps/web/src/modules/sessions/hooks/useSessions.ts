import { useQuery } from '@tanstack/react-query';
import { sessionKeys, sessionsApi } from '../api/sessionsApi';

export function useSessions() {
  return useQuery({ queryKey: sessionKeys.list, queryFn: sessionsApi.list });
}
