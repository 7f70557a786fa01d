import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useCurrentUser } from '../modules/auth/hooks/useCurrentUser';
import { AddBillActionForm } from '../modules/bills/components/AddBillActionForm';
import { BillDocumentsPanel } from '../modules/bills/components/BillDocumentsPanel';
import { BillPositionsPanel } from '../modules/bills/components/BillPositionsPanel';
import { BillStageProgress } from '../modules/bills/components/BillStageProgress';
import { BillTimeline } from '../modules/bills/components/BillTimeline';
import { BillWatchPanel } from '../modules/bills/components/BillWatchPanel';
import { CalendarPanel } from '../modules/bills/components/CalendarPanel';
import { MeetingsTable } from '../modules/bills/components/MeetingsTable';
import { useBill } from '../modules/bills/hooks/useBills';
import { useCoalitionMembers } from '../modules/coalitions/hooks/useCoalitionMembers';
import { useCoalitionPermissions } from '../modules/coalitions/hooks/useCoalitionPermissions';
import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';
import { PageLoader } from '../ui/PageLoader';
import { LinkedTasksList } from '../modules/tasks/components/LinkedTasksList';
import { SectionCard } from '../ui/SectionCard';
import { useDocumentTitle } from '../ui/useDocumentTitle';

export function BillPage() {
  const coalition = useCoalitionRoute();
  const { billId = '' } = useParams();
  const me = useCurrentUser();
  const { can } = useCoalitionPermissions(coalition.id);
  const bill = useBill(coalition.id, billId);
  const members = useCoalitionMembers(coalition.id);
  useDocumentTitle(bill.data?.identifier ?? 'Bill', coalition.name);
  if (bill.isPending) return <PageLoader />;
  if (bill.isError) return <ErrorState error={bill.error} onRetry={() => void bill.refetch()} />;
  const b = bill.data;
  const canEdit = can('content.create');
  return (
    <Stack gap="lg">
      <PageHeader
        title={`${b.identifier}: ${b.title}`}
        description={
          <>
            {b.jurisdiction}, session {b.session} · {b.type} ·{' '}
            {b.introducedAt ? `introduced ${b.introducedAt}` : 'introduction date not recorded'}
            {b.sources.map((s) => (
              <Anchor key={s.url} href={s.url} target="_blank" rel="noreferrer" ml="sm" size="sm">
                {s.note ?? 'source'}
              </Anchor>
            ))}
          </>
        }
      />
      <SectionCard title="Progress">
        <BillStageProgress
          stage={b.stage}
          stageDates={b.stageDates}
          originChamber={b.originChamber}
        />
      </SectionCard>
      <SectionCard title="Coalition">
        <BillWatchPanel
          coalitionId={coalition.id}
          bill={b}
          organizations={(members.data ?? []).map((m) => m.organization)}
          canEdit={canEdit}
          canAssignLead={can('bill.assign-lead')}
        />
      </SectionCard>
      <SectionCard title="Positions">
        <BillPositionsPanel
          coalitionId={coalition.id}
          billId={b.id}
          positions={b.positions}
          myOrganizationId={me.organization.id}
          canEdit={canEdit}
        />
      </SectionCard>
      <SectionCard title="Actions" description="Append-only: the stage is derived from these.">
        <BillTimeline actions={b.actions} />
        {canEdit && <AddBillActionForm coalitionId={coalition.id} billId={b.id} />}
      </SectionCard>
      <SectionCard title="Linked documents">
        <BillDocumentsPanel
          coalitionId={coalition.id}
          billId={b.id}
          documents={b.documents}
          canEdit={canEdit}
        />
      </SectionCard>
      <SectionCard
        title="Linked tasks"
        description="Work of the coalition on this bill, and who does it."
      >
        <LinkedTasksList coalitionId={coalition.id} billId={b.id} />
      </SectionCard>
      <SectionCard title="Sponsors">
        {b.sponsorships.length ? (
          <Table aria-label="Sponsors">
            <Table.Tbody>
              {b.sponsorships.map((s) => (
                <Table.Tr key={s.name}>
                  <Table.Td>{s.name}</Table.Td>
                  <Table.Td>{[s.party, s.district].filter(Boolean).join(', ')}</Table.Td>
                  <Table.Td>
                    <Badge variant={s.primary ? 'filled' : 'light'}>
                      {s.primary ? 'Sponsor' : 'Cosponsor'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.date}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text c="dimmed">No sponsors recorded.</Text>
        )}
      </SectionCard>
      <SectionCard
        title="Meetings"
        actions={
          <Anchor component={Link} to={`/c/${coalition.id}/meetings`}>
            All meetings
          </Anchor>
        }
      >
        <MeetingsTable coalitionId={coalition.id} meetings={b.meetings} />
      </SectionCard>
      <SectionCard title="Hearings and deadlines">
        <CalendarPanel coalitionId={coalition.id} events={b.calendarEvents} canEdit={false} />
      </SectionCard>
      {b.votes.length > 0 && (
        <SectionCard title="Votes">
          <Group>
            {b.votes.map((v, i) => (
              <Text key={i} size="sm">
                {v.date} {v.chamber}: {v.motion} — {v.result} ({v.yes}-{v.no})
              </Text>
            ))}
          </Group>
        </SectionCard>
      )}
    </Stack>
  );
}
