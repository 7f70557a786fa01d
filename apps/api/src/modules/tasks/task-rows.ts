import { isOpenTaskStatus, isTaskOverdue } from '@coalesce/domain';
import type { TaskPriority, TaskStatus } from '@coalesce/domain';
import type { TaskDto, TaskLinkDto } from '@coalesce/protocol';

/** The SELECT list that every task read shares (alias t), with its joins. */
export const TASK_SELECT = `
  SELECT t.id, t.coalition_id, t.parent_id, t.title, t.description, t.status, t.priority, t.labels,
         t.due_date::text AS due_date, t.duplicate_of_id, t.version, t.created_at, t.updated_at,
         ao.id AS assignee_org_id, ao.name AS assignee_org_name,
         au.id AS assignee_user_id, au.name AS assignee_user_name, au.organization_id AS assignee_user_org_id,
         wg.id AS working_group_id, wg.name AS working_group_name,
         cu.id AS created_by_user_id, cu.name AS created_by_user_name, cu.organization_id AS created_by_user_org_id,
         co.id AS created_by_org_id, co.name AS created_by_org_name,
         cl.id AS claim_id, cl.expires_at AS claim_expires_at, clo.id AS claim_org_id, clo.name AS claim_org_name,
         (SELECT count(*) FROM tasks s WHERE s.parent_id = t.id)::int AS subtask_count,
         (SELECT count(*) FROM task_comments c WHERE c.task_id = t.id)::int AS comment_count,
         COALESCE((SELECT json_agg(json_build_object('kind', l.kind, 'ref', l.ref, 'title', l.title) ORDER BY l.created_at)
                     FROM task_links l WHERE l.task_id = t.id), '[]'::json) AS links
    FROM tasks t
    LEFT JOIN organizations ao ON ao.id = t.assignee_org_id
    LEFT JOIN users au ON au.id = t.assignee_user_id
    LEFT JOIN working_groups wg ON wg.id = t.working_group_id
    LEFT JOIN users cu ON cu.id = t.created_by_user_id
    LEFT JOIN organizations co ON co.id = t.created_by_org_id
    LEFT JOIN claims cl ON cl.task_id = t.id AND cl.target_kind = 'task' AND cl.released_at IS NULL
    LEFT JOIN organizations clo ON clo.id = cl.organization_id`;

export interface TaskRow {
  id: string;
  coalition_id: string;
  parent_id: string | null;
  title: string;
  description: string;
  status: TaskStatus;
  priority: TaskPriority;
  labels: string[];
  due_date: string | null;
  duplicate_of_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  assignee_org_id: string | null;
  assignee_org_name: string | null;
  assignee_user_id: string | null;
  assignee_user_name: string | null;
  assignee_user_org_id: string | null;
  working_group_id: string | null;
  working_group_name: string | null;
  created_by_user_id: string | null;
  created_by_user_name: string | null;
  created_by_user_org_id: string | null;
  created_by_org_id: string | null;
  created_by_org_name: string | null;
  claim_id: string | null;
  claim_expires_at: Date | null;
  claim_org_id: string | null;
  claim_org_name: string | null;
  subtask_count: number;
  comment_count: number;
  links: TaskLinkDto[] | string;
}

/** Today as a calendar day in UTC (due dates are calendar days). */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function toTaskDto(r: TaskRow, today = todayUtc()): TaskDto {
  const links = typeof r.links === 'string' ? (JSON.parse(r.links) as TaskLinkDto[]) : r.links;
  return {
    id: r.id,
    coalitionId: r.coalition_id,
    parentId: r.parent_id,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: r.priority,
    labels: Array.isArray(r.labels) ? r.labels : [],
    assigneeOrg: r.assignee_org_id
      ? { id: r.assignee_org_id, name: r.assignee_org_name ?? '' }
      : null,
    assigneeUser: r.assignee_user_id
      ? {
          id: r.assignee_user_id,
          name: r.assignee_user_name ?? '',
          organizationId: r.assignee_user_org_id ?? '',
        }
      : null,
    workingGroup: r.working_group_id
      ? { id: r.working_group_id, name: r.working_group_name ?? '' }
      : null,
    dueDate: r.due_date,
    overdue: isTaskOverdue(r.due_date, isOpenTaskStatus(r.status), today),
    links,
    createdBy: r.created_by_user_id
      ? {
          id: r.created_by_user_id,
          name: r.created_by_user_name ?? '',
          organizationId: r.created_by_user_org_id ?? '',
        }
      : null,
    createdByOrg: r.created_by_org_id
      ? { id: r.created_by_org_id, name: r.created_by_org_name ?? '' }
      : null,
    duplicateOfId: r.duplicate_of_id,
    claim:
      r.claim_id && r.claim_org_id
        ? {
            id: r.claim_id,
            organization: { id: r.claim_org_id, name: r.claim_org_name ?? '' },
            expiresAt: new Date(r.claim_expires_at!).toISOString(),
          }
        : null,
    subtaskCount: Number(r.subtask_count),
    commentCount: Number(r.comment_count),
    version: Number(r.version),
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}
