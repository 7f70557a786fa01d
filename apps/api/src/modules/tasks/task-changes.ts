import type { TaskDto, TaskUpdate } from '@coalesce/protocol';
import type { TaskFields } from './tasks.repository.js';

/** The fields a PATCH really changes, as stored values, with [before, after] for the history. */
export function diffTask(
  current: TaskDto,
  patch: TaskUpdate,
): { changes: Partial<TaskFields>; history: Record<string, [unknown, unknown]> } {
  const before: TaskFields = {
    title: current.title,
    description: current.description,
    status: current.status,
    priority: current.priority,
    labels: current.labels,
    assigneeOrgId: current.assigneeOrg?.id ?? null,
    assigneeUserId: current.assigneeUser?.id ?? null,
    workingGroupId: current.workingGroup?.id ?? null,
    dueDate: current.dueDate,
  };
  const changes: Partial<TaskFields> = {};
  const history: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(before) as Array<keyof TaskFields>) {
    const next = patch[key];
    if (next === undefined) continue;
    if (JSON.stringify(next) === JSON.stringify(before[key])) continue;
    (changes as Record<string, unknown>)[key] = next;
    history[key] = key === 'description' ? ['…', '…'] : [before[key], next];
  }
  return { changes, history };
}

export function sameLinks(a: TaskDto['links'], b: NonNullable<TaskUpdate['links']>): boolean {
  const key = (l: { kind: string; ref: string }) => `${l.kind}:${l.ref}`;
  return JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());
}
