import { useQuery } from '@tanstack/react-query';
import { useDebouncedValue } from '@mantine/hooks';
import { taskKeys, tasksApi } from '../api/tasksApi';

export function useDashboard(coalitionId: string) {
  return useQuery({
    queryKey: taskKeys.dashboard(coalitionId),
    queryFn: () => tasksApi.dashboard(coalitionId),
  });
}

export function useActivity(coalitionId: string, workingGroupId: string | null) {
  return useQuery({
    queryKey: taskKeys.activity(coalitionId, workingGroupId),
    queryFn: () => tasksApi.activity(coalitionId, workingGroupId),
  });
}

export function useClaims(coalitionId: string) {
  return useQuery({
    queryKey: taskKeys.claims(coalitionId),
    queryFn: () => tasksApi.claims(coalitionId),
  });
}

/** Open tasks like the title being typed (debounced), shown before saving a new task. */
export function useSimilarTasks(coalitionId: string, title: string) {
  const [debounced] = useDebouncedValue(title.trim(), 300);
  return useQuery({
    queryKey: taskKeys.similar(coalitionId, debounced),
    queryFn: () => tasksApi.similar(coalitionId, debounced),
    enabled: debounced.length >= 3,
  });
}
