import type { AuditAction } from '@coalesce/protocol';

/** Labels of known actions; actions added to the protocol later fall back to `auditActionLabel`. */
const LABELS: Partial<Record<AuditAction, string>> & Record<string, string | undefined> = {
  'auth.login': 'Signed in',
  'auth.login-failed': 'Failed sign-in',
  'auth.logout': 'Signed out',
  'auth.refresh-reuse': 'Session ended: token reused',
  'auth.password-changed': 'Password changed',
  'auth.reauthenticated': 'Identity confirmed',
  'auth.reauth-failed': 'Failed identity confirmation',
  'auth.mfa-enabled': 'Two-factor turned on',
  'auth.mfa-disabled': 'Two-factor turned off',
  'auth.mfa-reset': 'Two-factor reset by an administrator',
  'auth.mfa-failed': 'Wrong two-factor code',
  'auth.mfa-recovery-code-used': 'Recovery code used',
  'auth.mfa-recovery-codes-regenerated': 'New recovery codes',
  'user.email-changed': 'Email changed',
  'org.mfa-requirement-changed': 'Two-factor requirement changed',
  'session.revoked': 'Session ended',
  'user.registered': 'Account created',
  'user.disabled': 'Account disabled',
  'user.enabled': 'Account enabled',
  'user.role-changed': 'Organization role changed',
  'org.created': 'Organization created',
  'org.updated': 'Organization profile updated',
  'org.invite-created': 'Colleague invited',
  'org.invite-revoked': 'Colleague invitation revoked',
  'org.invite-accepted': 'Colleague invitation accepted',
  'org.export-requested': 'Data export started',
  'org.export-downloaded': 'Data export downloaded',
  'organization.erase-requested': 'Erasure requested',
  'organization.erased': 'Organization erased',
  'coalition.created': 'Coalition created',
  'coalition.updated': 'Coalition updated',
  'coalition.invite-created': 'Organization invited',
  'coalition.invite-revoked': 'Organization invitation revoked',
  'coalition.invite-accepted': 'Organization joined',
  'coalition.role-changed': 'Coalition role changed',
  'coalition.org-removed': 'Organization removed',
  'coalition.org-left': 'Organization left',
  'coalition.contributions-replaced': 'Contributions replaced by placeholders',
  'working-group.created': 'Working group created',
  'working-group.updated': 'Working group updated',
  'working-group.deleted': 'Working group deleted',
  'document.sharing-changed': 'Document sharing changed',
  'document.version-restored': 'Document version restored',
};

/** "coalition.invite-created" -> "Organization invited"; unknown ones -> "Coalition: invite created". */
export function auditActionLabel(action: string): string {
  const known = LABELS[action];
  if (known) return known;
  const [scope = '', verb = ''] = action.split('.');
  const words = verb.replace(/-/g, ' ');
  return scope ? `${scope[0]!.toUpperCase()}${scope.slice(1)}: ${words}` : words;
}

/** Badge colour by the kind of event: failures and removals stand out. */
export function auditActionColor(action: string): string {
  if (
    action === 'auth.login-failed' ||
    action === 'auth.refresh-reuse' ||
    action === 'auth.mfa-failed' ||
    action === 'auth.reauth-failed'
  )
    return 'red';
  if (/(revoked|removed|left|disabled|deleted)$/.test(action)) return 'orange';
  if (action.startsWith('auth.') || action.startsWith('session.')) return 'gray';
  return 'indigo';
}
