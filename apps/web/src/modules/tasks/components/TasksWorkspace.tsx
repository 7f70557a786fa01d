import { useMemo, useState } from 'react';
import { Button, Group, SegmentedControl, Stack } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import { isOpenTaskStatus } from '@coalesce/domain';
import { ErrorState } from '../../../ui/ErrorState';
import { PageHeader } from '../../../ui/PageHeader';
import { TableSkeleton } from '../../../ui/TableSkeleton';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { useCoalitionMembers } from '../../coalitions/hooks/useCoalitionMembers';
import { useCoalitionPermissions } from '../../coalitions/hooks/useCoalitionPermissions';
import { useWorkingGroups } from '../../working-groups/hooks/useWorkingGroups';
import type { TaskFilters } from '../api/tasksApi';
import { useTasks } from '../hooks/useTasks';
import { useUpdateTask } from '../hooks/useUpdateTask';
import { TaskBoard } from './TaskBoard';
import { TaskCreateModal } from './TaskCreateModal';
import { TaskDetailDrawer } from './TaskDetailDrawer';
import { TaskFiltersBar } from './TaskFiltersBar';
import { TaskListTable } from './TaskListTable';

type Scope = 'all' | 'mine' | 'org';

/** The tasks page: board or list, everyone's / my work / my organization's, filters, detail. */
export function TasksWorkspace({ coalitionId }: { coalitionId: string }) {
  useDocumentTitle('Tasks');
  const me = useCurrentUser();
  const { can } = useCoalitionPermissions(coalitionId);
  const canEdit = can('content.create');
  const [params, setParams] = useSearchParams();
  const [scope, setScope] = useState<Scope>('all');
  const [view, setView] = useState<'board' | 'list'>('board');
  const [filters, setFilters] = useState<TaskFilters>({});
  const [creating, setCreating] = useState(false);
  const members = useCoalitionMembers(coalitionId);
  const groups = useWorkingGroups(coalitionId);
  const effective: TaskFilters = {
    ...filters,
    ...(scope === 'mine' ? { assigneeUserId: me.id } : {}),
    ...(scope === 'org' ? { assigneeOrgId: me.organization.id } : {}),
  };
  const tasks = useTasks(coalitionId, effective);
  const update = useUpdateTask(coalitionId);
  const organizations = useMemo(
    () =>
      (members.data ?? [])
        .filter((m) => m.role !== 'observer')
        .map((m) => ({ id: m.organization.id, name: m.organization.name })),
    [members.data],
  );
  const openTaskId = params.get('task');
  const openTask = (id: string | null) =>
    setParams(
      (p) => {
        if (id) p.set('task', id);
        else p.delete('task');
        return p;
      },
      { replace: true },
    );
  const list = tasks.data ?? [];

  return (
    <Stack gap="md">
      <PageHeader
        title="Tasks"
        description="Who does what across the coalition. Drag a card to change its status."
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              New task
            </Button>
          )
        }
      />
      <Group justify="space-between">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={[
            { value: 'all', label: 'All tasks' },
            { value: 'mine', label: 'My work' },
            { value: 'org', label: "My organization's work" },
          ]}
        />
        <SegmentedControl
          value={view}
          onChange={(v) => setView(v as 'board' | 'list')}
          data={[
            { value: 'board', label: 'Board' },
            { value: 'list', label: 'List' },
          ]}
        />
      </Group>
      <TaskFiltersBar
        coalitionId={coalitionId}
        filters={filters}
        onChange={setFilters}
        organizations={organizations}
      />
      {tasks.isPending ? (
        <TableSkeleton rows={5} label="Loading tasks" />
      ) : tasks.isError ? (
        <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />
      ) : view === 'board' ? (
        <TaskBoard
          tasks={list}
          canEdit={canEdit}
          onOpen={openTask}
          onMove={(task, status) => update.mutate({ task, changes: { status } })}
        />
      ) : (
        <TaskListTable tasks={list} onOpen={openTask} />
      )}
      <TaskCreateModal
        coalitionId={coalitionId}
        opened={creating}
        onClose={() => setCreating(false)}
        organizations={organizations}
        workingGroups={(groups.data ?? []).map((g) => ({ id: g.id, name: g.name }))}
      />
      <TaskDetailDrawer
        coalitionId={coalitionId}
        taskId={openTaskId}
        onClose={() => openTask(null)}
        canEdit={canEdit}
        myOrgId={me.organization.id}
        organizations={organizations}
        openTasks={list.filter((t) => isOpenTaskStatus(t.status))}
      />
    </Stack>
  );
}
