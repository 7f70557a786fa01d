import { useState } from 'react';
import { Badge, Group, Paper, ScrollArea, Stack, Text } from '@mantine/core';
import { TASK_STATUSES, TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskStatus } from '@coalesce/domain';
import type { TaskDto } from '@coalesce/protocol';
import { TaskCard } from './TaskCard';

/**
 * Columns by status. Drag a card (native HTML5 drag and drop) to move it; the parent decides what a
 * move means (an optimistic update that rolls back when the workflow refuses it).
 */
export function TaskBoard({
  tasks,
  canEdit,
  onMove,
  onOpen,
}: {
  tasks: TaskDto[];
  canEdit: boolean;
  onMove: (task: TaskDto, status: TaskStatus) => void;
  onOpen: (taskId: string) => void;
}) {
  const [over, setOver] = useState<TaskStatus | null>(null);
  const drop = (status: TaskStatus, taskId: string) => {
    setOver(null);
    const task = tasks.find((t) => t.id === taskId);
    if (task && task.status !== status) onMove(task, status);
  };
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Group align="flex-start" wrap="nowrap" gap="sm" data-testid="task-board">
        {TASK_STATUSES.map((status) => {
          const column = tasks.filter((t) => t.status === status);
          return (
            <Paper
              key={status}
              withBorder
              radius="md"
              p="xs"
              w={250}
              miw={250}
              bg={
                over === status
                  ? 'var(--mantine-color-indigo-light)'
                  : 'var(--mantine-color-gray-light)'
              }
              onDragOver={(e) => {
                if (!canEdit) return;
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                setOver(status);
              }}
              onDragLeave={() => setOver((s) => (s === status ? null : s))}
              onDrop={(e) => {
                e.preventDefault();
                drop(status, e.dataTransfer.getData('text/plain'));
              }}
              data-testid={`task-column-${status}`}
              aria-label={TASK_STATUS_LABELS[status]}
            >
              <Group justify="space-between" mb="xs">
                <Text size="sm" fw={600}>
                  {TASK_STATUS_LABELS[status]}
                </Text>
                <Badge size="sm" variant="light" color="gray">
                  {column.length}
                </Badge>
              </Group>
              <Stack gap="xs" mih={80}>
                {column.map((task) => (
                  <TaskCard key={task.id} task={task} draggable={canEdit} onOpen={onOpen} />
                ))}
              </Stack>
            </Paper>
          );
        })}
      </Group>
    </ScrollArea>
  );
}
