import { SimpleGrid, Stack, Text } from '@mantine/core';
import { ErrorState } from '../../../../ui/ErrorState';
import { useCurrentUser } from '../../../auth/hooks/useCurrentUser';
import { useCoalitionPermissions } from '../../../coalitions/hooks/useCoalitionPermissions';
import { SectionCard } from '../../../../ui/SectionCard';
import { TableSkeleton } from '../../../../ui/TableSkeleton';
import { useDashboard } from '../../hooks/useCoordination';
import { ActivityFeed } from './ActivityFeed';
import { ClaimsList } from './ClaimsList';
import { ClaimTargetForm } from './ClaimTargetForm';
import { OnlineNowList } from './OnlineNowList';
import { OverlapAlerts } from './OverlapAlerts';
import { TaskAlertList } from './TaskAlertList';
import { WhoDoesWhatTable } from './WhoDoesWhatTable';

function Stat({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </div>
  );
}

/**
 * The coordinator's home: who does what, overdue and blocked work, overlap alerts, claims, who is
 * online, and the activity feed. Members get the same view of their own organization's part (the
 * server decides the scope). Everything refreshes live.
 */
export function CoordinationDashboard({ coalitionId }: { coalitionId: string }) {
  const dashboard = useDashboard(coalitionId);
  const me = useCurrentUser();
  const { role, can } = useCoalitionPermissions(coalitionId);
  const canWrite = can('content.create');
  if (dashboard.isPending) return <TableSkeleton rows={4} label="Loading the dashboard" />;
  if (dashboard.isError)
    return <ErrorState error={dashboard.error} onRetry={() => dashboard.refetch()} />;
  const d = dashboard.data;
  const whose = d.scope === 'coalition' ? 'the coalition' : 'your organization';
  return (
    <Stack gap="lg" data-testid="coordination-dashboard" data-scope={d.scope}>
      <SectionCard
        title={d.scope === 'coalition' ? 'Coordinator dashboard' : "Your organization's work"}
        description={`Open work of ${whose}, live.`}
      >
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <Stat label="Open tasks" value={d.counts.open} testId="stat-open" />
          <Stat label="Overdue" value={d.counts.overdue} testId="stat-overdue" />
          <Stat label="Blocked" value={d.counts.blocked} testId="stat-blocked" />
          <Stat label="Live claims" value={d.counts.claims} testId="stat-claims" />
        </SimpleGrid>
      </SectionCard>
      <SectionCard
        title="Who does what"
        description="Open tasks and claims by organization and working group."
      >
        <WhoDoesWhatTable cells={d.whoDoesWhat} />
      </SectionCard>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <SectionCard title="Overdue">
          <TaskAlertList
            coalitionId={coalitionId}
            tasks={d.overdue}
            empty="Nothing is overdue."
            testId="overdue-list"
          />
        </SectionCard>
        <SectionCard title="Blocked">
          <TaskAlertList
            coalitionId={coalitionId}
            tasks={d.blocked}
            empty="Nothing is blocked."
            testId="blocked-list"
          />
        </SectionCard>
        <SectionCard
          title="Overlap alerts"
          description="Near-duplicate tasks held by different organizations."
        >
          <OverlapAlerts alerts={d.overlaps} />
        </SectionCard>
        <SectionCard title="Claims" description="Who is on which target, until when.">
          <Stack gap="md">
            {canWrite && <ClaimTargetForm coalitionId={coalitionId} />}
            <ClaimsList
              coalitionId={coalitionId}
              claims={d.claims}
              canRelease={(c) =>
                canWrite && (role === 'coordinator' || c.organization.id === me.organization.id)
              }
            />
          </Stack>
        </SectionCard>
        <SectionCard title="Online now">
          <OnlineNowList coalitionId={coalitionId} />
        </SectionCard>
        <SectionCard title="Activity">
          <ActivityFeed coalitionId={coalitionId} />
        </SectionCard>
      </SimpleGrid>
    </Stack>
  );
}
