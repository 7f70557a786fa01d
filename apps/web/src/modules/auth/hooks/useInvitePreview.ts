import { useQuery } from '@tanstack/react-query';
import { authApi, invitePreviewKey } from '../api/authApi';

/** What an organization invitation link offers (public, before signing up). */
export function useInvitePreview(token: string | null) {
  return useQuery({
    queryKey: invitePreviewKey(token ?? ''),
    queryFn: () => authApi.invitePreview(token!),
    enabled: Boolean(token),
    staleTime: 60_000,
  });
}
