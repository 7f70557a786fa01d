import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { CaseMapsPanel } from '../modules/case-maps/components/CaseMapsPanel';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** `/c/:coalitionId/case-maps`: the coalition's case maps. */
export function CaseMapsPage() {
  const coalition = useCoalitionRoute();
  const me = useCurrentUser();
  const { can, role } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Case maps', coalition.name);
  return (
    <CaseMapsPanel
      coalitionId={coalition.id}
      coalitionName={coalition.name}
      canCreate={can('content.create')}
      myOrganizationId={me.organization.id}
      coalitionRole={role}
    />
  );
}
