import { CoordinationAlertsPanel } from '../modules/bills/components/CoordinationAlertsPanel';
import { UpcomingPanel } from '../modules/bills/components/UpcomingPanel';
import { CoalitionOverview } from '../modules/coalitions/components/CoalitionOverview';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { CoordinationDashboard } from '../modules/tasks/components/dashboard/CoordinationDashboard';
import { SectionCard } from '../ui/SectionCard';

export function CoalitionOverviewPage() {
  const coalition = useCoalitionRoute();
  return (
    <CoalitionOverview
      coalitionId={coalition.id}
      dashboard={
        <>
          {coalition.role === 'coordinator' && (
            <SectionCard
              title="Coordination alerts"
              description="Member organizations meeting the same office the same week, and conflicting positions on bills."
            >
              <CoordinationAlertsPanel coalitionId={coalition.id} />
            </SectionCard>
          )}
          <SectionCard
            title="Coming up"
            description="Meetings with offices, hearings and deadlines."
          >
            <UpcomingPanel coalitionId={coalition.id} />
          </SectionCard>
          <CoordinationDashboard coalitionId={coalition.id} />
        </>
      }
    />
  );
}
