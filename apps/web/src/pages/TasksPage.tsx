import { useCoalitionRoute } from '../modules/coalitions/hooks/useCoalitionRoute';
import { TasksWorkspace } from '../modules/tasks/components/TasksWorkspace';

export function TasksPage() {
  const coalition = useCoalitionRoute();
  return <TasksWorkspace coalitionId={coalition.id} />;
}
