import { useInfiniteQuery } from '@tanstack/react-query';
import { auditKeys, fetchAuditPage } from '../api/auditApi';
import type { AuditFilter, AuditScope } from '../api/auditApi';

/** Pages of the audit log, newest first; `fetchNextPage` follows the server's cursor. */
export function useAuditLog(scope: AuditScope, filter: AuditFilter) {
  return useInfiniteQuery({
    queryKey: auditKeys.log(scope, filter),
    queryFn: ({ pageParam }) => fetchAuditPage(scope, filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 0,
  });
}
