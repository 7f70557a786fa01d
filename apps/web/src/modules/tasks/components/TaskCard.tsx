import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import { IconFlag, IconLock } from '@tabler/icons-react';
import type { TaskDto } from '@coalesce/protocol';

const PRIORITY_COLOR: Record<string, string> = {
  urgent: 'red',
  high: 'orange',
  medium: 'yellow',
  low: 'gray',
};

/** One task on the board: title, who has it, due date, claim; drag it to another column. */
export function TaskCard({
  task,
  draggable,
  onOpen,
}: {
  task: TaskDto;
  draggable: boolean;
  onOpen: (taskId: string) => void;
}) {
  return (
    <Card
      withBorder
      padding="xs"
      radius="md"
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onOpen(task.id)}
      style={{ cursor: draggable ? 'grab' : 'pointer' }}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.status}
      aria-label={task.title}
    >
      <Stack gap={4}>
        <Text size="sm" fw={500} lineClamp={3}>
          {task.title}
        </Text>
        <Group gap={4}>
          {task.assigneeOrg && (
            <Badge size="xs" variant="light" color="indigo">
              {task.assigneeOrg.name}
            </Badge>
          )}
          {task.assigneeUser && (
            <Badge size="xs" variant="outline" color="gray">
              {task.assigneeUser.name}
            </Badge>
          )}
          {task.priority !== 'none' && (
            <Badge
              size="xs"
              variant="light"
              color={PRIORITY_COLOR[task.priority]}
              leftSection={<IconFlag size={10} />}
            >
              {task.priority}
            </Badge>
          )}
          {task.dueDate && (
            <Badge
              size="xs"
              variant={task.overdue ? 'filled' : 'light'}
              color={task.overdue ? 'red' : 'gray'}
            >
              {task.overdue ? 'Overdue ' : 'Due '}
              {task.dueDate}
            </Badge>
          )}
          {task.claim && (
            <Badge size="xs" variant="light" color="grape" leftSection={<IconLock size={10} />}>
              Claimed by {task.claim.organization.name}
            </Badge>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
