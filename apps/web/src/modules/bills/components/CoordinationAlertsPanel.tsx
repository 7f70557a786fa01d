import { Alert, Anchor, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/formatDate';
import { useCoordinationAlerts } from '../hooks/useBills';

/** Overlapping meetings and conflicting positions across member organizations (the coordinator's view). */
export function CoordinationAlertsPanel({ coalitionId }: { coalitionId: string }) {
  const alerts = useCoordinationAlerts(coalitionId);
  if (!alerts.data) return null;
  const { overlaps, conflicts } = alerts.data;
  if (!overlaps.length && !conflicts.length)
    return (
      <Text c="dimmed" size="sm">
        No overlapping meetings or conflicting positions.
      </Text>
    );
  return (
    <Stack gap="sm" aria-label="Coordination alerts">
      {overlaps.length > 0 && (
        <Alert color="orange" title="Overlapping meetings">
          <List size="sm">
            {overlaps.map((o) => (
              <List.Item key={o.meeting.id}>
                {o.organization.name} meets {o.meeting.office} on{' '}
                {formatDateTime(o.meeting.startsAt)}; so does{' '}
                {o.with
                  .map(
                    (w) =>
                      `${w.organizations.map((x) => x.name).join(', ')} (${formatDateTime(w.startsAt)})`,
                  )
                  .join('; ')}
                .
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {conflicts.length > 0 && (
        <Alert color="red" title="Conflicting positions">
          <List size="sm">
            {conflicts.map((c) => (
              <List.Item key={c.bill.id}>
                <Anchor component={Link} to={`/c/${coalitionId}/bills/${c.bill.id}`} size="sm">
                  {c.bill.identifier}
                </Anchor>
                : {c.supporting.map((o) => o.name).join(', ')} for;{' '}
                {c.opposing.map((o) => o.name).join(', ')} against.
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}
