import { CoalitionOverview } from '../modules/coalitions/components/CoalitionOverview';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';

export function CoalitionOverviewPage() {
  const coalition = useCoalitionRoute();
  return <CoalitionOverview coalitionId={coalition.id} />;
}
