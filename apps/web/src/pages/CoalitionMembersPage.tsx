import { useDocumentTitle } from '../ui/useDocumentTitle';
import { CoalitionMembersPanel } from '../modules/coalitions/components/CoalitionMembersPanel';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';

export function CoalitionMembersPage() {
  const coalition = useCoalitionRoute();
  useDocumentTitle('Members', coalition.name);
  return <CoalitionMembersPanel coalitionId={coalition.id} coalitionName={coalition.name} />;
}
