/** The statuses of a task, in board order. */
export const TASK_STATUSES = [
  'backlog',
  'todo',
  'in_progress',
  'blocked',
  'done',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Open statuses count as work still to do; closed ones are finished either way. */
export type TaskStatusGroup = 'open' | 'closed';

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  backlog: 'Backlog',
  todo: 'To do',
  in_progress: 'In progress',
  blocked: 'Blocked',
  done: 'Done',
  cancelled: 'Cancelled',
};

/**
 * Which status may follow which. Work moves forward through to do and in progress, may be blocked
 * and unblocked, may be cancelled from anywhere open, and a closed task can only be reopened (to
 * to do or backlog). Done straight from backlog is refused: someone has to pick the work up.
 */
const TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  backlog: ['todo', 'in_progress', 'cancelled'],
  todo: ['backlog', 'in_progress', 'blocked', 'done', 'cancelled'],
  in_progress: ['todo', 'blocked', 'done', 'cancelled'],
  blocked: ['todo', 'in_progress', 'cancelled'],
  done: ['todo', 'in_progress'],
  cancelled: ['backlog', 'todo'],
};

export function taskStatusGroup(status: TaskStatus): TaskStatusGroup {
  return status === 'done' || status === 'cancelled' ? 'closed' : 'open';
}

export function isOpenTaskStatus(status: TaskStatus): boolean {
  return taskStatusGroup(status) === 'open';
}

/** The statuses a task in `from` may move to. */
export function allowedTaskTransitions(from: TaskStatus): TaskStatus[] {
  return [...TRANSITIONS[from]];
}

/** Staying in the same status is not a transition and is always allowed (a no-op). */
export function canTransitionTask(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}
