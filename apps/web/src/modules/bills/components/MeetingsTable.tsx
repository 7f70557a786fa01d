import { ActionIcon, Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { MeetingDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';

/** Meetings with offices: who, when, the ask; past ones labelled, overlaps flagged. */
interface Props {
  coalitionId: string;
  meetings: MeetingDto[];
  /** Shown for meetings the user may edit. */
  onEdit?: (meeting: MeetingDto) => void;
  canEdit?: (meeting: MeetingDto) => boolean;
}

export function MeetingsTable({ coalitionId, meetings, onEdit, canEdit }: Props) {
  if (!meetings.length) return <Text c="dimmed">No meetings.</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table verticalSpacing="sm" aria-label="Meetings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Office</Table.Th>
            <Table.Th>Organizations</Table.Th>
            <Table.Th>Bills</Table.Th>
            <Table.Th>Ask and notes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {meetings.map((m) => (
            <Table.Tr key={m.id} aria-label={`Meeting with ${m.office}`}>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">{formatDateTime(m.startsAt)}</Text>
                    {onEdit && canEdit?.(m) && (
                      <ActionIcon
                        variant="subtle"
                        size="sm"
                        aria-label={`Edit the meeting with ${m.office}`}
                        onClick={() => onEdit(m)}
                      >
                        <IconPencil size={14} />
                      </ActionIcon>
                    )}
                  </Group>
                  {m.isPast && (
                    <Badge color="gray" size="xs">
                      Past
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={600}>
                    {m.office}
                  </Text>
                  {m.overlaps.length > 0 && (
                    <Badge
                      color="orange"
                      size="sm"
                      title={m.overlaps
                        .map((o) => o.organizations.map((x) => x.name).join(', '))
                        .join('; ')}
                    >
                      Overlaps with{' '}
                      {m.overlaps.flatMap((o) => o.organizations.map((x) => x.name)).join(', ')}
                    </Badge>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{m.organizations.map((o) => o.name).join(', ')}</Text>
                {m.attendees.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {m.attendees.join(', ')}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Group gap={4}>
                  {m.bills.map((b) => (
                    <Anchor
                      key={b.id}
                      component={Link}
                      to={`/c/${coalitionId}/bills/${b.id}`}
                      size="sm"
                    >
                      {b.identifier}
                    </Anchor>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td maw={320}>
                {m.ask && <Text size="sm">Ask: {m.ask}</Text>}
                {m.notes && (
                  <Text size="xs" c="dimmed">
                    {m.notes}
                  </Text>
                )}
                {m.privateNotes && (
                  <Text size="xs" c="grape">
                    Private to your organization: {m.privateNotes}
                  </Text>
                )}
                {m.followUps.length > 0 && (
                  <Text size="xs">Follow-ups: {m.followUps.join('; ')}</Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
