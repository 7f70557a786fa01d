import { Badge, Table, Text, UnstyledButton } from '@mantine/core';
import { TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskDto } from '@coalesce/protocol';

/** The list view: one row per task, newest due first; click to open. */
export function TaskListTable({
  tasks,
  onOpen,
}: {
  tasks: TaskDto[];
  onOpen: (id: string) => void;
}) {
  if (!tasks.length)
    return (
      <Text c="dimmed" size="sm" p="md">
        No task matches these filters.
      </Text>
    );
  return (
    <Table striped highlightOnHover data-testid="task-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Task</Table.Th>
          <Table.Th>Status</Table.Th>
          <Table.Th>Organization</Table.Th>
          <Table.Th>Person</Table.Th>
          <Table.Th>Due</Table.Th>
          <Table.Th>Labels</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {tasks.map((t) => (
          <Table.Tr key={t.id} data-testid="task-row" data-task-id={t.id}>
            <Table.Td>
              <UnstyledButton onClick={() => onOpen(t.id)}>
                <Text size="sm" fw={500}>
                  {t.title}
                </Text>
              </UnstyledButton>
            </Table.Td>
            <Table.Td>{TASK_STATUS_LABELS[t.status]}</Table.Td>
            <Table.Td>{t.assigneeOrg?.name ?? '—'}</Table.Td>
            <Table.Td>{t.assigneeUser?.name ?? '—'}</Table.Td>
            <Table.Td>
              <Text size="sm" c={t.overdue ? 'red' : undefined}>
                {t.dueDate ?? '—'}
              </Text>
            </Table.Td>
            <Table.Td>
              {t.labels.map((l) => (
                <Badge key={l} size="xs" variant="light" mr={4}>
                  {l}
                </Badge>
              ))}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
