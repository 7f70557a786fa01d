import { Alert, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import type { OverlapAlertDto } from '@coalesce/protocol';

/** Near-duplicate open tasks held by different organizations: talk before both do the work. */
export function OverlapAlerts({ alerts }: { alerts: OverlapAlertDto[] }) {
  if (!alerts.length)
    return (
      <Text size="sm" c="dimmed">
        No overlapping work found.
      </Text>
    );
  return (
    <Stack gap="xs" data-testid="overlap-alerts">
      {alerts.map((a) => (
        <Alert
          key={`${a.a.task.id}:${a.b.task.id}`}
          color="yellow"
          variant="light"
          icon={<IconCopy size={16} />}
        >
          <Text size="sm">
            <b>{a.a.task.assigneeOrg?.name ?? a.a.task.createdByOrg?.name}</b>: “{a.a.task.title}”
          </Text>
          <Text size="sm">
            <b>{a.b.task.assigneeOrg?.name ?? a.b.task.createdByOrg?.name}</b>: “{a.b.task.title}”
          </Text>
          <Text size="xs" c="dimmed">
            {Math.round(a.score * 100)}% alike — open one and mark it a duplicate to merge them.
          </Text>
        </Alert>
      ))}
    </Stack>
  );
}
