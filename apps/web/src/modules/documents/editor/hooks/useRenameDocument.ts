import { useMutation, useQueryClient } from '@tanstack/react-query';
import { documentApi } from '../api/documentApi';
import { documentKeys } from '../api/documentKeys';

/** PATCH /documents/:docId {title}. */
export function useRenameDocument(docId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (title: string) => documentApi.rename(docId, title),
    onSuccess: (document) => {
      queryClient.setQueryData(documentKeys.detail(docId), document);
      void queryClient.invalidateQueries({ queryKey: ['coalitions', document.coalitionId] });
    },
  });
}
