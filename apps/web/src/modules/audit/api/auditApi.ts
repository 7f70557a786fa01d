import type { AuditAction, AuditEntryDto, Page } from '@coalesce/protocol';
import { http } from '../../../lib/httpClient';

/** Whose log: a coalition's (coordinators) or the caller's organization's (org admins). */
export type AuditScope = { kind: 'coalition'; coalitionId: string } | { kind: 'organization' };

export interface AuditFilter {
  action: AuditAction | null;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  log: (scope: AuditScope, filter: AuditFilter) =>
    scope.kind === 'coalition'
      ? (['coalitions', scope.coalitionId, 'audit', filter] as const)
      : (['organization', 'audit', filter] as const),
};

export function fetchAuditPage(scope: AuditScope, filter: AuditFilter, cursor: string | null) {
  const path =
    scope.kind === 'coalition'
      ? `/coalitions/${encodeURIComponent(scope.coalitionId)}/audit`
      : '/organizations/current/audit';
  return http.get<Page<AuditEntryDto>>(path, {
    query: { action: filter.action, limit: AUDIT_PAGE_SIZE, cursor },
  });
}
