import { useState } from 'react';
import type { MeetingDto } from '@coalesce/protocol';
import { Button, SegmentedControl, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { CalendarPanel } from '../modules/bills/components/CalendarPanel';
import { CoordinationAlertsPanel } from '../modules/bills/components/CoordinationAlertsPanel';
import { LogMeetingModal } from '../modules/bills/components/LogMeetingModal';
import { MeetingsTable } from '../modules/bills/components/MeetingsTable';
import { useBills, useCalendarEvents, useMeetings } from '../modules/bills/hooks/useBills';
import { useCoalitionMembers } from '../modules/coalitions/hooks/useCoalitionMembers';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { SectionCard } from '../ui/SectionCard';
import { TableSkeleton } from '../ui/TableSkeleton';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function MeetingsPage() {
  const coalition = useCoalitionRoute();
  const me = useCurrentUser();
  const { can } = useCoalitionPermissions(coalition.id);
  useDocumentTitle('Meetings', coalition.name);
  const [upcoming, setUpcoming] = useState(true);
  const [logging, setLogging] = useState(false);
  const [editing, setEditing] = useState<MeetingDto | null>(null);
  const isCoordinator = coalition.role === 'coordinator';
  const mayEdit = (m: MeetingDto) =>
    can('content.create') &&
    (isCoordinator ||
      m.createdByOrg.id === me.organization.id ||
      m.organizations.some((o) => o.id === me.organization.id));
  const meetings = useMeetings(coalition.id, upcoming);
  const events = useCalendarEvents(coalition.id);
  const bills = useBills(coalition.id, {});
  const members = useCoalitionMembers(coalition.id);
  const others = (members.data ?? [])
    .filter((m) => m.organization.id !== me.organization.id && m.role !== 'observer')
    .map((m) => m.organization);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Meetings and calendar"
        description="Meetings with legislators' offices, hearings and deadlines. When two organizations meet the same office within a week, both are alerted before saving."
        actions={
          can('content.create') && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setLogging(true)}>
              Log a meeting
            </Button>
          )
        }
      />
      <SectionCard title="Coordination alerts">
        <CoordinationAlertsPanel coalitionId={coalition.id} />
      </SectionCard>
      <SectionCard
        title="Meetings"
        actions={
          <SegmentedControl
            value={upcoming ? 'upcoming' : 'all'}
            onChange={(v) => setUpcoming(v === 'upcoming')}
            data={[
              { value: 'upcoming', label: 'Upcoming' },
              { value: 'all', label: 'All' },
            ]}
          />
        }
      >
        {meetings.isPending ? (
          <TableSkeleton label="Loading meetings" />
        ) : meetings.isError ? (
          <ErrorState error={meetings.error} onRetry={() => void meetings.refetch()} />
        ) : (
          <MeetingsTable
            coalitionId={coalition.id}
            meetings={meetings.data}
            onEdit={setEditing}
            canEdit={mayEdit}
          />
        )}
      </SectionCard>
      <SectionCard title="Hearings and deadlines">
        <CalendarPanel
          coalitionId={coalition.id}
          events={events.data ?? []}
          canEdit={can('content.create')}
        />
      </SectionCard>
      <LogMeetingModal
        coalitionId={coalition.id}
        bills={bills.data ?? []}
        organizations={others}
        opened={logging || editing !== null}
        meeting={editing}
        onClose={() => {
          setLogging(false);
          setEditing(null);
        }}
      />
    </Stack>
  );
}
