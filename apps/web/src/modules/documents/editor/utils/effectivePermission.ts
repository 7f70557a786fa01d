import type { DocPermission } from '@coalesce/domain';

const RANK: Record<DocPermission, number> = { view: 0, comment: 1, edit: 2 };

/** The lower of the REST permission and the role the engine granted on open (null: not yet). */
export function effectivePermission(
  permission: DocPermission,
  role: DocPermission | null,
): DocPermission {
  if (!role) return permission;
  return RANK[role] < RANK[permission] ? role : permission;
}

export interface DocAbilities {
  canEdit: boolean;
  canComment: boolean;
  readOnlyReason: 'archived' | 'view' | 'comment' | null;
}

/** What the user may do in the editor: archived documents and viewers only read. */
export function docAbilities(
  permission: DocPermission,
  archived: boolean,
  revoked: boolean,
): DocAbilities {
  if (revoked) return { canEdit: false, canComment: false, readOnlyReason: null };
  if (archived) return { canEdit: false, canComment: false, readOnlyReason: 'archived' };
  if (permission === 'view') return { canEdit: false, canComment: false, readOnlyReason: 'view' };
  if (permission === 'comment')
    return { canEdit: false, canComment: true, readOnlyReason: 'comment' };
  return { canEdit: true, canComment: true, readOnlyReason: null };
}
