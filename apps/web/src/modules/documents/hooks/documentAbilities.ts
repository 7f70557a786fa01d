import type { CoalitionRole } from '@coalesce/domain';
import type { DocumentDto } from '@coalesce/protocol';

export interface DocumentAbilities {
  edit: boolean;
  comment: boolean;
  /** Share, archive, restore and delete: the owner organization's editors or a coordinator. */
  manage: boolean;
}

/** What the signed-in user may do with a document (the server decides; this hides what it refuses). */
export function documentAbilities(
  doc: DocumentDto,
  myOrganizationId: string,
  coalitionRole: CoalitionRole | null,
): DocumentAbilities {
  const archived = doc.archivedAt !== null;
  const ownerEditor = doc.ownerOrg.id === myOrganizationId && doc.permission === 'edit';
  return {
    edit: !archived && doc.permission === 'edit',
    comment: !archived && (doc.permission === 'edit' || doc.permission === 'comment'),
    manage:
      ownerEditor ||
      coalitionRole === 'coordinator' ||
      (archived && doc.ownerOrg.id === myOrganizationId && coalitionRole !== 'observer'),
  };
}
