import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { taskKeys, tasksApi } from '../api/tasksApi';
import type { TaskFilters } from '../api/tasksApi';

/** Tasks of a coalition matching the filters; live through `entity:changed`. */
export function useTasks(coalitionId: string, filters: TaskFilters) {
  return useQuery({
    queryKey: taskKeys.list(coalitionId, filters),
    queryFn: () => tasksApi.list(coalitionId, filters),
    placeholderData: keepPreviousData,
  });
}

/** One task with its sub-tasks, relations, comments and history. */
export function useTask(coalitionId: string, taskId: string | null) {
  return useQuery({
    queryKey: taskKeys.one(coalitionId, taskId ?? ''),
    queryFn: () => tasksApi.get(coalitionId, taskId!),
    enabled: !!taskId,
  });
}
