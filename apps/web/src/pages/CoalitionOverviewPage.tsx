import { Stack } from '@mantine/core';
import { CoalitionOverview } from '../modules/coalitions/components/CoalitionOverview';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { CoordinationDashboard } from '../modules/tasks/components/dashboard/CoordinationDashboard';

export function CoalitionOverviewPage() {
  const coalition = useCoalitionRoute();
  return (
    <Stack gap="lg">
      <CoalitionOverview coalitionId={coalition.id} />
      <CoordinationDashboard coalitionId={coalition.id} />
    </Stack>
  );
}
