import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { TASK_STATUS_LABELS } from '@coalesce/domain';
import { formatDate } from '../../../lib/formatDate';
import { useTasks } from '../hooks/useTasks';

interface Props {
  coalitionId: string;
  /** Tasks that link to this bill. */
  billId: string;
}

/** The coalition's tasks linked to a bill, with who does them; live like every task list. */
export function LinkedTasksList({ coalitionId, billId }: Props) {
  const tasks = useTasks(coalitionId, { billId });
  if (tasks.isPending) return <Text size="sm">Loading tasks…</Text>;
  if (tasks.isError) return <Text size="sm">The tasks could not be loaded.</Text>;
  if (!tasks.data.length)
    return (
      <Text size="sm" c="dimmed">
        No task links to this bill yet. Choose the bill as “Linked bill” when creating a task.
      </Text>
    );
  return (
    <Stack gap={6} data-testid="bill-linked-tasks">
      {tasks.data.map((task) => (
        <Group key={task.id} justify="space-between" wrap="nowrap" gap="sm">
          <Anchor
            component={Link}
            to={`/c/${coalitionId}/tasks?task=${encodeURIComponent(task.id)}`}
            size="sm"
            truncate
          >
            {task.title}
          </Anchor>
          <Group gap={6} wrap="nowrap">
            {task.assigneeOrg && (
              <Text size="xs" c="dimmed" truncate>
                {task.assigneeOrg.name}
              </Text>
            )}
            {task.dueDate && (
              <Text size="xs" c={task.overdue ? 'red' : 'dimmed'}>
                due {formatDate(task.dueDate)}
              </Text>
            )}
            <Badge size="sm" variant="light">
              {TASK_STATUS_LABELS[task.status]}
            </Badge>
          </Group>
        </Group>
      ))}
    </Stack>
  );
}
