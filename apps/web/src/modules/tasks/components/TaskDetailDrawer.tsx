import { useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Divider,
  Drawer,
  Group,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskDetailDto, TaskDto } from '@coalesce/protocol';
import { ErrorState } from '../../../ui/ErrorState';
import { notifyError } from '../../../ui/notify';
import { formatRelative } from '../../../lib/formatDate';
import { useTask } from '../hooks/useTasks';
import {
  useClaim,
  useCommentOnTask,
  useCreateTask,
  useMergeTask,
  useReleaseClaim,
} from '../hooks/useTaskMutations';
import { useUpdateTask } from '../hooks/useUpdateTask';
import { TaskActivityList } from './TaskActivityList';
import { TaskRelationForm } from './TaskRelationForm';

/** A task in full: edit its status and assignee, claim it, merge it, comment, read its history. */
export function TaskDetailDrawer({
  coalitionId,
  taskId,
  onClose,
  canEdit,
  myOrgId,
  organizations,
  openTasks,
}: {
  coalitionId: string;
  taskId: string | null;
  onClose: () => void;
  canEdit: boolean;
  myOrgId: string;
  organizations: Array<{ id: string; name: string }>;
  openTasks: TaskDto[];
}) {
  const task = useTask(coalitionId, taskId);
  return (
    <Drawer opened={!!taskId} onClose={onClose} position="right" size="lg" title="Task">
      {task.isError ? (
        <ErrorState error={task.error} onRetry={() => task.refetch()} />
      ) : task.data ? (
        <TaskDetail
          coalitionId={coalitionId}
          task={task.data}
          canEdit={canEdit}
          myOrgId={myOrgId}
          organizations={organizations}
          openTasks={openTasks}
        />
      ) : (
        <Text c="dimmed">Loading…</Text>
      )}
    </Drawer>
  );
}

function TaskDetail({
  coalitionId,
  task,
  canEdit,
  myOrgId,
  organizations,
  openTasks,
}: {
  coalitionId: string;
  task: TaskDetailDto;
  canEdit: boolean;
  myOrgId: string;
  organizations: Array<{ id: string; name: string }>;
  openTasks: TaskDto[];
}) {
  const update = useUpdateTask(coalitionId);
  const comment = useCommentOnTask(coalitionId, task.id);
  const claim = useClaim(coalitionId);
  const release = useReleaseClaim(coalitionId);
  const merge = useMergeTask(coalitionId);
  const createSubtask = useCreateTask(coalitionId);
  const [subtask, setSubtask] = useState('');
  const [body, setBody] = useState('');
  const [mergeInto, setMergeInto] = useState<string | null>(null);
  const statuses = [task.status, ...task.allowedStatuses];

  return (
    <Stack data-testid="task-detail" data-task-id={task.id}>
      <Title order={3}>{task.title}</Title>
      {task.duplicateOfId && <Badge color="gray">Merged as a duplicate</Badge>}
      <Group grow>
        <Select
          label="Status"
          data={statuses.map((s) => ({ value: s, label: TASK_STATUS_LABELS[s] }))}
          value={task.status}
          disabled={!canEdit}
          onChange={(v) =>
            v &&
            v !== task.status &&
            update.mutate({ task, changes: { status: v as TaskDto['status'] } })
          }
          data-testid="task-status-select"
        />
        <Select
          label="Organization"
          clearable
          data={organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={task.assigneeOrg?.id ?? null}
          disabled={!canEdit}
          onChange={(v) => update.mutate({ task, changes: { assigneeOrgId: v } })}
        />
      </Group>
      <Group gap="xs">
        {task.assigneeUser && <Badge variant="outline">{task.assigneeUser.name}</Badge>}
        {task.dueDate && (
          <Badge color={task.overdue ? 'red' : 'gray'} variant="light">
            Due {task.dueDate}
          </Badge>
        )}
        <Badge variant="light">Priority: {task.priority}</Badge>
        {task.workingGroup && <Badge variant="light">{task.workingGroup.name}</Badge>}
        {task.labels.map((l) => (
          <Badge key={l} variant="dot">
            {l}
          </Badge>
        ))}
      </Group>
      {task.description && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {task.description}
        </Text>
      )}
      {task.links.length > 0 && (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            Links
          </Text>
          {task.links.map((l) => (
            <Text key={`${l.kind}:${l.ref}`} size="sm">
              {l.kind}:{' '}
              {l.kind === 'url' ? (
                <Anchor href={l.ref} target="_blank" rel="noreferrer">
                  {l.title || l.ref}
                </Anchor>
              ) : (
                l.title || l.ref
              )}
            </Text>
          ))}
        </Stack>
      )}
      <Group>
        {task.claim ? (
          <>
            <Text size="sm">
              Claimed by <b>{task.claim.organization.name}</b> until{' '}
              {task.claim.expiresAt.slice(0, 10)}
            </Text>
            {canEdit && task.claim.organization.id === myOrgId && (
              <Button size="xs" variant="default" onClick={() => release.mutate(task.claim!.id)}>
                Release
              </Button>
            )}
          </>
        ) : (
          canEdit && (
            <Button
              size="xs"
              variant="light"
              loading={claim.isPending}
              onClick={() => claim.mutate({ targetKind: 'task', targetKey: task.id })}
            >
              Claim for my organization (14 days)
            </Button>
          )
        )}
      </Group>
      {(task.subtasks.length > 0 || task.relations.length > 0) && (
        <Stack gap={2}>
          {task.subtasks.map((s) => (
            <Text key={s.id} size="sm">
              Sub-task: {s.title} · {TASK_STATUS_LABELS[s.status]}
            </Text>
          ))}
          {task.relations.map((r) => (
            <Text key={r.id} size="sm">
              {r.kind.replace('_', ' ')}: {r.task.title} · {TASK_STATUS_LABELS[r.task.status]}
            </Text>
          ))}
        </Stack>
      )}
      {canEdit && (
        <Group align="flex-end">
          <TextInput
            placeholder="Add a sub-task"
            value={subtask}
            onChange={(e) => setSubtask(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            disabled={subtask.trim().length < 3}
            loading={createSubtask.isPending}
            onClick={() =>
              createSubtask.mutate(
                {
                  title: subtask,
                  parentId: task.id,
                  assigneeOrgId: task.assigneeOrg?.id ?? null,
                  workingGroupId: task.workingGroup?.id ?? null,
                },
                { onSuccess: () => setSubtask(''), onError: notifyError },
              )
            }
          >
            Add
          </Button>
        </Group>
      )}
      {canEdit && (
        <TaskRelationForm coalitionId={coalitionId} taskId={task.id} candidates={openTasks} />
      )}
      {canEdit && !task.duplicateOfId && (
        <Group align="flex-end">
          <Select
            label="Duplicate of…"
            searchable
            clearable
            data={openTasks
              .filter((t) => t.id !== task.id)
              .map((t) => ({ value: t.id, label: t.title }))}
            value={mergeInto}
            onChange={setMergeInto}
            style={{ flex: 1 }}
          />
          <Button
            variant="default"
            disabled={!mergeInto}
            loading={merge.isPending}
            onClick={() => mergeInto && merge.mutate({ taskId: task.id, intoTaskId: mergeInto })}
          >
            Merge
          </Button>
        </Group>
      )}
      <Divider label="Comments" />
      {task.comments.map((c) => (
        <div key={c.id}>
          <Text size="sm">
            <b>{c.author?.name ?? 'Someone'}</b> ({c.authorOrg?.name}) ·{' '}
            {formatRelative(c.createdAt)}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {c.body}
          </Text>
        </div>
      ))}
      {canEdit && (
        <Group align="flex-end">
          <Textarea
            placeholder="Write a comment"
            autosize
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            style={{ flex: 1 }}
          />
          <Button
            disabled={!body.trim()}
            loading={comment.isPending}
            onClick={() => comment.mutate(body, { onSuccess: () => setBody('') })}
          >
            Comment
          </Button>
        </Group>
      )}
      <Divider label="History" />
      <TaskActivityList items={task.activity} />
    </Stack>
  );
}
