import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { DocumentsPanel } from '../modules/documents/components/DocumentsPanel';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function DocumentsPage() {
  const coalition = useCoalitionRoute();
  const me = useCurrentUser();
  const { can, role } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Documents', coalition.name);
  return (
    <DocumentsPanel
      coalitionId={coalition.id}
      coalitionName={coalition.name}
      canCreate={can('content.create')}
      myOrganizationId={me.organization.id}
      coalitionRole={role}
    />
  );
}
