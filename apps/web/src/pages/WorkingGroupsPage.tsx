import { useDocumentTitle } from '../ui/useDocumentTitle';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { WorkingGroupsPanel } from '../modules/working-groups/components/WorkingGroupsPanel';

export function WorkingGroupsPage() {
  const coalition = useCoalitionRoute();
  const { can } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Working groups', coalition.name);
  return (
    <WorkingGroupsPanel
      coalitionId={coalition.id}
      coalitionName={coalition.name}
      canManage={can('working-group.create')}
    />
  );
}
