import { z } from 'zod';
import {
  CLAIM_TARGET_KINDS,
  DEFAULT_CLAIM_DAYS,
  MAX_CLAIM_DAYS,
  TASK_LINK_KINDS,
  TASK_PRIORITIES,
  TASK_RELATION_KINDS,
  TASK_STATUSES,
} from '@coalesce/domain';
import type { ClaimTargetKind, TaskLinkKind, TaskPriority, TaskStatus } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';
import { mentionSchema } from './comments.js';

const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Must be a date (YYYY-MM-DD).' });

export const taskLinkSchema = z
  .object({
    kind: z.enum(TASK_LINK_KINDS),
    /** The linked thing's id (bill id, document id, case-map node id) or the URL. */
    ref: trimmed(1, 500, 'Link'),
    title: z.string().trim().max(200).default(''),
  })
  .strict();
export type TaskLinkInput = z.infer<typeof taskLinkSchema>;

const label = trimmed(1, 40, 'Label');

const taskFields = {
  title: trimmed(3, 200, 'Title'),
  description: z.string().max(20_000).default(''),
  status: z.enum(TASK_STATUSES).default('todo'),
  priority: z.enum(TASK_PRIORITIES).default('none'),
  labels: z.array(label).max(20).default([]),
  assigneeOrgId: uuidSchema.nullable().default(null),
  assigneeUserId: uuidSchema.nullable().default(null),
  workingGroupId: uuidSchema.nullable().default(null),
  dueDate: dateOnly.nullable().default(null),
  links: z.array(taskLinkSchema).max(50).default([]),
};

/** POST /coalitions/:id/tasks */
export const taskCreateSchema = z
  .object({ ...taskFields, parentId: uuidSchema.nullable().default(null) })
  .strict();
export type TaskCreate = z.infer<typeof taskCreateSchema>;

/** PATCH /coalitions/:id/tasks/:taskId: the fields to change and the version the client last saw. */
export const taskUpdateSchema = z
  .object({
    version: z.number().int().min(1),
    title: taskFields.title.optional(),
    description: z.string().max(20_000).optional(),
    status: z.enum(TASK_STATUSES).optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    labels: z.array(label).max(20).optional(),
    assigneeOrgId: uuidSchema.nullable().optional(),
    assigneeUserId: uuidSchema.nullable().optional(),
    workingGroupId: uuidSchema.nullable().optional(),
    dueDate: dateOnly.nullable().optional(),
    links: z.array(taskLinkSchema).max(50).optional(),
  })
  .strict();
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const taskParamsSchema = z.object({ id: uuidSchema, taskId: uuidSchema }).strict();

const bool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

/** GET /coalitions/:id/tasks */
export const taskListQuerySchema = z
  .object({
    status: z.enum(TASK_STATUSES).optional(),
    assigneeOrgId: uuidSchema.optional(),
    assigneeUserId: uuidSchema.optional(),
    workingGroupId: uuidSchema.optional(),
    label: z.string().max(40).optional(),
    /** overdue: open and past due; week: due within 7 days. */
    due: z.enum(['overdue', 'week']).optional(),
    /** Tasks linked to this bill id. */
    billId: z.string().max(500).optional(),
    /** Only top-level tasks (no sub-tasks). */
    topLevel: bool,
    q: z.string().max(200).optional(),
  })
  .strict();
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

/** GET /coalitions/:id/tasks/similar?title=… : open tasks that look like the one being written. */
export const similarTasksQuerySchema = z
  .object({ title: trimmed(3, 200, 'Title'), excludeId: uuidSchema.optional() })
  .strict();
export type SimilarTasksQuery = z.infer<typeof similarTasksQuerySchema>;

export const taskCommentCreateSchema = z
  .object({
    body: trimmed(1, 5000, 'Comment'),
    mentions: z.array(mentionSchema).max(50).default([]),
  })
  .strict();
export type TaskCommentCreate = z.infer<typeof taskCommentCreateSchema>;

export const taskRelationCreateSchema = z
  .object({
    /** blocked_by is stored as the other task "blocks" this one. */
    kind: z.enum([...TASK_RELATION_KINDS, 'blocked_by']),
    taskId: uuidSchema,
  })
  .strict();
export type TaskRelationCreate = z.infer<typeof taskRelationCreateSchema>;

/** POST /coalitions/:id/tasks/:taskId/merge: this task is a duplicate of `intoTaskId`. */
export const taskMergeSchema = z.object({ intoTaskId: uuidSchema }).strict();
export type TaskMerge = z.infer<typeof taskMergeSchema>;

export interface TaskOrgRef {
  id: string;
  name: string;
}
export interface TaskUserRef {
  id: string;
  name: string;
  organizationId: string;
}

export interface TaskLinkDto {
  kind: TaskLinkKind;
  ref: string;
  title: string;
}

export interface TaskClaimRef {
  id: string;
  organization: TaskOrgRef;
  expiresAt: string;
}

export interface TaskDto {
  id: string;
  coalitionId: string;
  parentId: string | null;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  labels: string[];
  assigneeOrg: TaskOrgRef | null;
  assigneeUser: TaskUserRef | null;
  workingGroup: { id: string; name: string } | null;
  dueDate: string | null;
  overdue: boolean;
  links: TaskLinkDto[];
  createdBy: TaskUserRef | null;
  createdByOrg: TaskOrgRef | null;
  duplicateOfId: string | null;
  claim: TaskClaimRef | null;
  subtaskCount: number;
  commentCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface TaskRelationDto {
  id: string;
  /** As seen from this task: blocks, blocked_by, duplicate_of, duplicated_by, related. */
  kind: 'blocks' | 'blocked_by' | 'duplicate_of' | 'duplicated_by' | 'related';
  task: { id: string; title: string; status: TaskStatus };
}

export interface TaskCommentDto {
  id: string;
  author: TaskUserRef | null;
  authorOrg: TaskOrgRef | null;
  body: string;
  createdAt: string;
}

export interface ActivityDto {
  id: string;
  coalitionId: string;
  taskId: string | null;
  taskTitle: string | null;
  claimId: string | null;
  workingGroupId: string | null;
  actor: TaskUserRef | null;
  actorOrg: TaskOrgRef | null;
  /** e.g. task.created, task.updated, task.commented, task.merged, claim.created, claim.released. */
  action: string;
  /** field → [before, after] for updates; free details otherwise. */
  changes: Record<string, unknown>;
  createdAt: string;
}

export interface TaskDetailDto extends TaskDto {
  subtasks: TaskDto[];
  relations: TaskRelationDto[];
  comments: TaskCommentDto[];
  activity: ActivityDto[];
  allowedStatuses: TaskStatus[];
}

export interface SimilarTaskDto {
  task: TaskDto;
  /** 0..1 */
  score: number;
  method: 'trigram' | 'word-overlap';
}

/** GET /coalitions/:id/activity */
export const activityQuerySchema = z
  .object({
    workingGroupId: uuidSchema.optional(),
    organizationId: uuidSchema.optional(),
    kind: z.enum(['task', 'claim']).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

// ---- claims ----

export const claimCreateSchema = z
  .object({
    targetKind: z.enum(CLAIM_TARGET_KINDS),
    /** The task id, the bill id, the case-map node id, or the office's name. */
    targetKey: trimmed(1, 300, 'Target'),
    targetLabel: z.string().trim().max(200).default(''),
    note: z.string().trim().max(1000).default(''),
    days: z.number().int().min(1).max(MAX_CLAIM_DAYS).default(DEFAULT_CLAIM_DAYS),
  })
  .strict();
export type ClaimCreate = z.infer<typeof claimCreateSchema>;

export const claimHandOffSchema = z
  .object({
    organizationId: uuidSchema,
    note: z.string().trim().max(1000).optional(),
  })
  .strict();
export type ClaimHandOff = z.infer<typeof claimHandOffSchema>;

export const claimParamsSchema = z.object({ id: uuidSchema, claimId: uuidSchema }).strict();

export interface ClaimDto {
  id: string;
  coalitionId: string;
  targetKind: ClaimTargetKind;
  targetKey: string;
  targetLabel: string;
  taskId: string | null;
  organization: TaskOrgRef;
  user: TaskUserRef | null;
  note: string;
  expiresAt: string;
  createdAt: string;
}

/** The body of a refused claim (409): who holds the target. */
export interface ClaimConflictDetails {
  claim: ClaimDto;
}

// ---- dashboard ----

export interface DashboardCellDto {
  organization: TaskOrgRef;
  workingGroup: { id: string; name: string } | null;
  openTasks: number;
  claims: number;
}

export interface OverlapAlertDto {
  kind: 'duplicate-task';
  score: number;
  a: { task: TaskDto };
  b: { task: TaskDto };
}

export interface DashboardDto {
  /** coalition: the coordinator's whole picture; organization: the caller's org only. */
  scope: 'coalition' | 'organization';
  whoDoesWhat: DashboardCellDto[];
  overdue: TaskDto[];
  blocked: TaskDto[];
  overlaps: OverlapAlertDto[];
  claims: ClaimDto[];
  counts: { open: number; overdue: number; blocked: number; claims: number };
}
