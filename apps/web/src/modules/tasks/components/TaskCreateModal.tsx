import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { TASK_PRIORITIES } from '@coalesce/domain';
import type { TaskPriority } from '@coalesce/domain';
import { describeError } from '../../../ui/describeError';
import { useBills } from '../../bills/hooks/useBills';
import { notifySuccess } from '../../../ui/notify';
import { useCreateTask } from '../hooks/useTaskMutations';
import { SimilarTasksHint } from './SimilarTasksHint';

interface Option {
  id: string;
  name: string;
}

function linkToBill(billId: string | null) {
  return billId ? [{ kind: 'bill' as const, ref: billId, title: '' }] : [];
}

/** A new task: similar open tasks are shown while the title is typed, before anything is saved. */
export function TaskCreateModal({
  coalitionId,
  opened,
  onClose,
  organizations,
  workingGroups,
}: {
  coalitionId: string;
  opened: boolean;
  onClose: () => void;
  organizations: Option[];
  workingGroups: Option[];
}) {
  const create = useCreateTask(coalitionId);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [assigneeOrgId, setAssigneeOrgId] = useState<string | null>(null);
  const [workingGroupId, setWorkingGroupId] = useState<string | null>(null);
  const [priority, setPriority] = useState<TaskPriority>('none');
  const [dueDate, setDueDate] = useState('');
  const [labels, setLabels] = useState<string[]>([]);
  const [billId, setBillId] = useState<string | null>(null);
  const bills = useBills(coalitionId, {});

  const reset = () => {
    setTitle('');
    setDescription('');
    setAssigneeOrgId(null);
    setWorkingGroupId(null);
    setPriority('none');
    setDueDate('');
    setLabels([]);
    setBillId(null);
    create.reset();
  };
  const submit = () =>
    create.mutate(
      {
        title,
        description,
        assigneeOrgId,
        workingGroupId,
        priority,
        labels,
        dueDate: dueDate || null,
        links: linkToBill(billId),
      },
      {
        onSuccess: (task) => {
          notifySuccess(`“${task.title}” created.`);
          reset();
          onClose();
        },
      },
    );
  const error = create.error ? describeError(create.error) : null;

  return (
    <Modal opened={opened} onClose={onClose} title="New task" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-autofocus
          />
          <SimilarTasksHint coalitionId={coalitionId} title={title} />
          <Textarea
            label="Description"
            autosize
            minRows={2}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group grow>
            <Select
              label="Assign to organization"
              clearable
              searchable
              data={organizations.map((o) => ({ value: o.id, label: o.name }))}
              value={assigneeOrgId}
              onChange={setAssigneeOrgId}
            />
            <Select
              label="Working group"
              clearable
              data={workingGroups.map((g) => ({ value: g.id, label: g.name }))}
              value={workingGroupId}
              onChange={setWorkingGroupId}
            />
          </Group>
          <Group grow>
            <Select
              label="Priority"
              data={[...TASK_PRIORITIES]}
              value={priority}
              onChange={(v) => setPriority((v as TaskPriority) ?? 'none')}
            />
            <TextInput
              label="Due date"
              type="date"
              value={dueDate}
              onChange={(e) => setDueDate(e.currentTarget.value)}
            />
          </Group>
          <TagsInput label="Labels" value={labels} onChange={setLabels} />
          <Select
            label="Linked bill"
            description="The task shows on the bill's page."
            clearable
            searchable
            data={(bills.data ?? []).map((b) => ({
              value: b.id,
              label: `${b.identifier} — ${b.title}`,
            }))}
            value={billId}
            onChange={setBillId}
          />
          {error && (
            <Alert color="red" title={error.title}>
              {error.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={title.trim().length < 3}>
              Create task
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
