import { useState } from 'react';
import { Button, Group, Select } from '@mantine/core';
import type { TaskDto } from '@coalesce/protocol';
import { useRelateTask } from '../hooks/useTaskMutations';

const KINDS = [
  { value: 'blocks', label: 'Blocks' },
  { value: 'blocked_by', label: 'Is blocked by' },
  { value: 'related', label: 'Is related to' },
];

/** Relates this task to another: blocks, blocked by, related. */
export function TaskRelationForm({
  coalitionId,
  taskId,
  candidates,
}: {
  coalitionId: string;
  taskId: string;
  candidates: TaskDto[];
}) {
  const relate = useRelateTask(coalitionId, taskId);
  const [kind, setKind] = useState<string>('blocks');
  const [other, setOther] = useState<string | null>(null);
  return (
    <Group align="flex-end" gap="xs">
      <Select
        data={KINDS}
        value={kind}
        onChange={(v) => setKind(v ?? 'blocks')}
        w={150}
        aria-label="Relation"
      />
      <Select
        placeholder="Task"
        searchable
        data={candidates
          .filter((t) => t.id !== taskId)
          .map((t) => ({ value: t.id, label: t.title }))}
        value={other}
        onChange={setOther}
        style={{ flex: 1 }}
        aria-label="Related task"
      />
      <Button
        variant="default"
        disabled={!other}
        loading={relate.isPending}
        onClick={() =>
          other && relate.mutate({ kind, otherTaskId: other }, { onSuccess: () => setOther(null) })
        }
      >
        Relate
      </Button>
    </Group>
  );
}
