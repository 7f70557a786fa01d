import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { documentKeys, documentsApi } from '../api/documentsApi';
import type { DocumentListFilters } from '../api/documentsApi';

/** Documents of a coalition the user may see, searched, filtered and sorted by the server. */
export function useDocuments(coalitionId: string, filters: DocumentListFilters) {
  return useQuery({
    queryKey: documentKeys.list(coalitionId, filters),
    queryFn: () => documentsApi.list(coalitionId, filters),
    placeholderData: keepPreviousData,
  });
}

export function useDocumentTemplates() {
  return useQuery({
    queryKey: documentKeys.templates,
    queryFn: documentsApi.templates,
    staleTime: Infinity,
  });
}
