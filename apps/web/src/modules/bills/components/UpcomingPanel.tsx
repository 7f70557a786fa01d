import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { useCalendarEvents, useMeetings } from '../hooks/useBills';

interface Item {
  key: string;
  when: string;
  label: string;
  detail: string;
  kind: string;
  to: string;
}

const SHOWN = 6;

/** The next meetings with offices, hearings and deadlines of the coalition (live). */
export function UpcomingPanel({ coalitionId }: { coalitionId: string }) {
  const meetings = useMeetings(coalitionId, true);
  const events = useCalendarEvents(coalitionId);
  const items: Item[] = [
    ...(meetings.data ?? [])
      .filter((m) => !m.isPast)
      .map((m) => ({
        key: `m:${m.id}`,
        when: m.startsAt,
        label: m.office,
        detail: m.organizations.map((o) => o.name).join(', '),
        kind: 'Meeting',
        to: `/c/${coalitionId}/meetings`,
      })),
    ...(events.data ?? [])
      .filter((e) => !e.isPast)
      .map((e) => ({
        key: `e:${e.id}`,
        when: e.startsAt,
        label: e.title,
        detail: e.bill?.identifier ?? '',
        kind: e.kind === 'hearing' ? 'Hearing' : 'Deadline',
        to: e.bill ? `/c/${coalitionId}/bills/${e.bill.id}` : `/c/${coalitionId}/meetings`,
      })),
  ]
    .sort((a, b) => a.when.localeCompare(b.when))
    .slice(0, SHOWN);

  if (meetings.isPending || events.isPending) return <Text size="sm">Loading…</Text>;
  if (!items.length)
    return (
      <Text size="sm" c="dimmed">
        Nothing scheduled. Meetings, hearings and deadlines appear here.
      </Text>
    );
  return (
    <Stack gap={6} data-testid="upcoming-panel">
      {items.map((item) => (
        <Group key={item.key} justify="space-between" wrap="nowrap" gap="sm">
          <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge size="sm" variant="light" color={item.kind === 'Meeting' ? 'indigo' : 'orange'}>
              {item.kind}
            </Badge>
            <Anchor component={Link} to={item.to} size="sm" truncate>
              {item.label}
            </Anchor>
            {item.detail && (
              <Text size="xs" c="dimmed" truncate>
                {item.detail}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(item.when)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
