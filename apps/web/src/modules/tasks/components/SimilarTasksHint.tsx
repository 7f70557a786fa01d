import { Alert, List, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useSimilarTasks } from '../hooks/useCoordination';

/** Before saving: open tasks across all organizations that look like the one being written. */
export function SimilarTasksHint({ coalitionId, title }: { coalitionId: string; title: string }) {
  const similar = useSimilarTasks(coalitionId, title);
  const items = similar.data ?? [];
  if (!items.length) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy size={18} />}
      title="Someone may already be on this"
      data-testid="similar-tasks"
    >
      <List size="sm" spacing={2}>
        {items.map((s) => (
          <List.Item key={s.task.id}>
            <Text size="sm" span fw={500}>
              {s.task.title}
            </Text>{' '}
            <Text size="xs" span c="dimmed">
              {s.task.assigneeOrg?.name ?? s.task.createdByOrg?.name ?? 'unassigned'} ·{' '}
              {Math.round(s.score * 100)}% alike
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
