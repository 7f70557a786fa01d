import { TASK_STATUS_LABELS } from '@coalesce/domain';
import type { TaskStatus } from '@coalesce/domain';
import type { TaskDto } from '@coalesce/protocol';
import { isApiError } from '../../../lib/ApiError';

/** Why an optimistic change was undone, in words: the workflow's refusal, a stale version, or the server's message. */
export function rollbackMessage(error: unknown, task: Pick<TaskDto, 'title'>): string {
  if (isApiError(error) && error.code === 'CONFLICT') {
    const allowed = error.details?.allowed as TaskStatus[] | undefined;
    if (allowed)
      return `${error.message} From here it can go to: ${allowed.map((s) => TASK_STATUS_LABELS[s]).join(', ')}.`;
    if (error.details?.task)
      return 'Someone else changed this task first. You now see their version.';
  }
  return isApiError(error) ? error.message : `“${task.title}” could not be saved.`;
}
