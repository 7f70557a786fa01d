import { useQuery } from '@tanstack/react-query';
import type { MentionablesDto } from '@coalesce/protocol';
import { ApiError } from '../../../../lib/ApiError';
import { documentApi } from '../api/documentApi';
import { documentKeys } from '../api/documentKeys';

const NONE: MentionablesDto = { people: [], organizations: [] };

/** Who can be mentioned with `@` in the coalition; an empty list when the server has none. */
export function useMentionables(coalitionId: string) {
  return useQuery({
    queryKey: documentKeys.mentionables(coalitionId),
    queryFn: async () => {
      try {
        return await documentApi.mentionables(coalitionId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return NONE;
        throw error;
      }
    },
    staleTime: 5 * 60_000,
  });
}
