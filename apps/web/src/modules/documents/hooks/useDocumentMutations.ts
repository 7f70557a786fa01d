import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto, DocumentSharing, DocumentUpdate } from '@coalesce/protocol';
import { documentKeys, documentsApi } from '../api/documentsApi';
import type { DocumentCreateRequest } from '../api/documentsApi';

function useRefresh(coalitionId: string) {
  const queryClient = useQueryClient();
  return (doc?: DocumentDto) => {
    if (doc) queryClient.setQueryData(documentKeys.one(doc.id), doc);
    return queryClient.invalidateQueries({ queryKey: documentKeys.lists(coalitionId) });
  };
}

export function useCreateDocument(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (input: DocumentCreateRequest) => documentsApi.create(coalitionId, input),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useUpdateDocument(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ docId, input }: { docId: string; input: DocumentUpdate }) =>
      documentsApi.update(docId, input),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useArchiveDocument(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ docId, archived }: { docId: string; archived: boolean }) =>
      archived ? documentsApi.archive(docId) : documentsApi.restore(docId),
    onSuccess: (doc) => refresh(doc),
  });
}

export function useDeleteDocument(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: (docId: string) => documentsApi.remove(docId),
    onSuccess: () => refresh(),
  });
}

export function useShareDocument(coalitionId: string) {
  const refresh = useRefresh(coalitionId);
  return useMutation({
    mutationFn: ({ docId, input }: { docId: string; input: DocumentSharing }) =>
      documentsApi.setSharing(docId, input),
    onSuccess: (doc) => refresh(doc),
  });
}
