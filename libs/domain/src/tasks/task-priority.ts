export const TASK_PRIORITIES = ['none', 'low', 'medium', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_LINK_KINDS = ['bill', 'document', 'case-node', 'url'] as const;
export type TaskLinkKind = (typeof TASK_LINK_KINDS)[number];

/** Relations as stored (one direction); "blocked by" is "blocks" read from the other side. */
export const TASK_RELATION_KINDS = ['blocks', 'duplicate_of', 'related'] as const;
export type TaskRelationKind = (typeof TASK_RELATION_KINDS)[number];

/** A task is overdue when it is still open and its due date (a calendar day) is before today. */
export function isTaskOverdue(dueDate: string | null, open: boolean, today: string): boolean {
  return open && dueDate !== null && dueDate < today;
}
