import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../../../lib/ApiError';
import { documentApi } from '../api/documentApi';
import { documentKeys } from '../api/documentKeys';

/** GET /documents/:docId (refreshed live on entity:changed 'document'). */
export function useDocument(docId: string) {
  return useQuery({
    queryKey: documentKeys.detail(docId),
    queryFn: () => documentApi.get(docId),
    retry: (count, error) =>
      !(error instanceof ApiError && [403, 404].includes(error.status)) && count < 2,
  });
}
