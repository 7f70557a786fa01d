import { z } from 'zod';
import { MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE } from '../limits.js';

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.login-failed',
  'auth.logout',
  'auth.refresh-reuse',
  'auth.password-changed',
  'auth.reauthenticated',
  'auth.reauth-failed',
  'auth.mfa-enabled',
  'auth.mfa-disabled',
  'auth.mfa-failed',
  'auth.mfa-recovery-code-used',
  'auth.mfa-recovery-codes-regenerated',
  'auth.mfa-reset',
  'user.email-changed',
  'org.mfa-requirement-changed',
  'session.revoked',
  'user.registered',
  'user.disabled',
  'user.enabled',
  'user.role-changed',
  'org.created',
  'org.updated',
  'org.invite-created',
  'org.invite-revoked',
  'org.invite-accepted',
  'org.export-requested',
  'org.export-downloaded',
  'organization.erase-requested',
  'organization.erased',
  'coalition.created',
  'coalition.updated',
  'coalition.invite-created',
  'coalition.invite-revoked',
  'coalition.invite-accepted',
  'coalition.role-changed',
  'coalition.org-removed',
  'coalition.org-left',
  'coalition.contributions-replaced',
  'working-group.created',
  'working-group.updated',
  'working-group.deleted',
  'document.sharing-changed',
  'document.version-restored',
  'document.created',
  'document.renamed',
  'document.moved',
  'document.archived',
  'document.restored',
  'document.deleted',
  'document.exported',
  'bill.imported',
  'bill.lead-assigned',
  'bill.position-set',
  'task.merged',
  'claim.handed-off',
  'case-map.layer-read',
  'case-map.layer-granted',
  'case-map.layer-grant-revoked',
  'case-map.access-requested',
  'case-map.access-resolved',
  'case-map.node-shared',
  'case-map.exported',
  'case-map.imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const auditQuerySchema = z
  .object({
    action: z.enum(AUDIT_ACTIONS).optional(),
    actorUserId: z.uuid().optional(),
    since: z.iso.datetime({ offset: true }).optional(),
    until: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
    cursor: z.string().regex(/^\d+$/).optional(),
  })
  .strict();
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  action: AuditAction;
  actor: { userId: string | null; name: string | null; organizationId: string | null } | null;
  organizationId: string | null;
  coalitionId: string | null;
  targetType: string | null;
  targetId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}
