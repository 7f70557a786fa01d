import { Stack, Text, UnstyledButton } from '@mantine/core';
import { TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskDto } from '@coalesce/protocol';
import { useNavigate } from 'react-router';

/** A short list of tasks (overdue, blocked) that open on the tasks page. */
export function TaskAlertList({
  coalitionId,
  tasks,
  empty,
  testId,
}: {
  coalitionId: string;
  tasks: TaskDto[];
  empty: string;
  testId: string;
}) {
  const navigate = useNavigate();
  if (!tasks.length)
    return (
      <Text size="sm" c="dimmed" data-testid={testId}>
        {empty}
      </Text>
    );
  return (
    <Stack gap={6} data-testid={testId}>
      {tasks.map((t) => (
        <UnstyledButton key={t.id} onClick={() => navigate(`/c/${coalitionId}/tasks?task=${t.id}`)}>
          <Text size="sm" fw={500}>
            {t.title}
          </Text>
          <Text size="xs" c="dimmed">
            {t.assigneeOrg?.name ?? 'Unassigned'} · {TASK_STATUS_LABELS[t.status]}
            {t.dueDate ? ` · due ${t.dueDate}` : ''}
          </Text>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
