import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommentReplyCreate,
  CommentThreadCreate,
  CommentThreadStatus,
} from '@coalesce/protocol';
import { ApiError } from '../../../../lib/ApiError';
import { commentsApi } from '../api/commentsApi';
import { documentKeys } from '../api/documentKeys';

/** The threads of a document (refreshed live on entity:changed 'comment-thread'). */
export function useCommentThreads(docId: string) {
  return useQuery({
    queryKey: documentKeys.comments(docId),
    queryFn: async () => {
      try {
        return await commentsApi.list(docId);
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return [];
        throw error;
      }
    },
  });
}

function useRefreshThreads(docId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: documentKeys.comments(docId) });
}

export function useCreateThread(docId: string) {
  const refresh = useRefreshThreads(docId);
  return useMutation({
    mutationFn: (input: CommentThreadCreate) => commentsApi.create(docId, input),
    onSuccess: refresh,
  });
}

export function useReplyToThread(docId: string) {
  const refresh = useRefreshThreads(docId);
  return useMutation({
    mutationFn: ({ threadId, input }: { threadId: string; input: CommentReplyCreate }) =>
      commentsApi.reply(docId, threadId, input),
    onSuccess: refresh,
  });
}

export function useSetThreadStatus(docId: string) {
  const refresh = useRefreshThreads(docId);
  return useMutation({
    mutationFn: ({
      threadId,
      status,
    }: {
      threadId: string;
      status: CommentThreadStatus['status'];
    }) => commentsApi.setStatus(docId, threadId, status),
    onSuccess: refresh,
  });
}
