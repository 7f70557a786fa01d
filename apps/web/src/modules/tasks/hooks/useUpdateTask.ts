import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { TaskDto, TaskUpdate } from '@coalesce/protocol';
import { taskKeys, tasksApi } from '../api/tasksApi';
import { rollbackMessage } from './rollbackMessage';

export interface TaskChange {
  task: TaskDto;
  changes: Omit<TaskUpdate, 'version'>;
}

/**
 * Edits a task optimistically: every cached list shows the change at once; if the server refuses,
 * the lists roll back and a notification says what happened and why.
 */
export function useUpdateTask(coalitionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, changes }: TaskChange) =>
      tasksApi.update(coalitionId, task.id, { ...changes, version: task.version }),
    onMutate: async ({ task, changes }: TaskChange) => {
      await queryClient.cancelQueries({ queryKey: taskKeys.all(coalitionId) });
      const snapshot = queryClient.getQueriesData<TaskDto[]>({
        queryKey: [...taskKeys.all(coalitionId), 'list'],
      });
      const {
        links: _links,
        assigneeOrgId: _org,
        assigneeUserId: _user,
        workingGroupId: _wg,
        ...plain
      } = changes;
      queryClient.setQueriesData<TaskDto[]>(
        { queryKey: [...taskKeys.all(coalitionId), 'list'] },
        (list) => list?.map((t) => (t.id === task.id ? { ...t, ...plain } : t)),
      );
      return { snapshot };
    },
    onError: (error, { task }, context) => {
      for (const [key, data] of context?.snapshot ?? []) queryClient.setQueryData(key, data);
      notifications.show({
        color: 'red',
        title: 'Change undone',
        message: rollbackMessage(error, task),
        autoClose: 8000,
      });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['coalitions', coalitionId] }),
  });
}
