import { Alert, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { MeetingOverlapDto } from '@coalesce/protocol';
import { formatDateTime } from '../../../lib/formatDate';

/** Other organizations meeting the same office within the overlap window. */
export function OverlapAlert({
  overlaps,
  title = 'Another organization meets this office the same week',
}: {
  overlaps: MeetingOverlapDto[];
  title?: string;
}) {
  if (!overlaps.length) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={title} role="alert">
      <List size="sm" spacing={2}>
        {overlaps.map((o) => (
          <List.Item key={o.meetingId}>
            <Text size="sm" span fw={600}>
              {o.organizations.map((x) => x.name).join(', ')}
            </Text>{' '}
            meets {o.office} on {formatDateTime(o.startsAt)} ({o.daysApart} days apart).
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
