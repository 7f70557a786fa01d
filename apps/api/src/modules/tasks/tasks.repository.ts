import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { TaskStatus } from '@coalesce/domain';
import type {
  TaskCommentDto,
  TaskDto,
  TaskLinkInput,
  TaskListQuery,
  TaskRelationDto,
} from '@coalesce/protocol';
import { returningRows } from '../../core/database/returning-rows.js';
import { TASK_SELECT, toTaskDto, todayUtc } from './task-rows.js';
import type { TaskRow } from './task-rows.js';

type Db = Pick<EntityManager, 'query'>;

/** The stored fields of a task, as the service writes them. */
export interface TaskFields {
  title: string;
  description: string;
  status: TaskStatus;
  priority: string;
  labels: string[];
  assigneeOrgId: string | null;
  assigneeUserId: string | null;
  workingGroupId: string | null;
  dueDate: string | null;
}

const COLUMN: Record<keyof TaskFields, string> = {
  title: 'title',
  description: 'description',
  status: 'status',
  priority: 'priority',
  labels: 'labels',
  assigneeOrgId: 'assignee_org_id',
  assigneeUserId: 'assignee_user_id',
  workingGroupId: 'working_group_id',
  dueDate: 'due_date',
};

/** The SQL of tasks, their links, relations, comments and followers. */
@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(
    coalitionId: string,
    q: TaskListQuery & { organizationId?: string },
  ): Promise<TaskDto[]> {
    const where = ['t.coalition_id = $1'];
    const params: unknown[] = [coalitionId];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (q.status) add((p) => `t.status = ${p}`, q.status);
    if (q.assigneeOrgId) add((p) => `t.assignee_org_id = ${p}`, q.assigneeOrgId);
    if (q.assigneeUserId) add((p) => `t.assignee_user_id = ${p}`, q.assigneeUserId);
    if (q.workingGroupId) add((p) => `t.working_group_id = ${p}`, q.workingGroupId);
    if (q.label) add((p) => `${p} = ANY(t.labels)`, q.label);
    if (q.q) add((p) => `t.title ILIKE ${p}`, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`);
    if (q.billId)
      add(
        (p) =>
          `EXISTS (SELECT 1 FROM task_links l WHERE l.task_id = t.id AND l.kind = 'bill' AND l.ref = ${p})`,
        q.billId,
      );
    if (q.organizationId) {
      // Distinct parameters: PGlite refuses one parameter used twice in some expressions.
      params.push(q.organizationId, q.organizationId);
      where.push(
        `(t.assignee_org_id = $${params.length - 1} OR t.created_by_org_id = $${params.length})`,
      );
    }
    if (q.topLevel) where.push('t.parent_id IS NULL');
    if (q.due === 'overdue') {
      add((p) => `t.due_date < ${p}::date`, todayUtc());
      where.push(`t.status NOT IN ('done', 'cancelled')`);
    }
    if (q.due === 'week') {
      add((p) => `t.due_date >= ${p}::date`, todayUtc());
      add((p) => `t.due_date <= ${p}::date`, todayUtc(new Date(Date.now() + 7 * 86_400_000)));
    }
    const rows: TaskRow[] = await this.db.query(
      `${TASK_SELECT} WHERE ${where.join(' AND ')} ORDER BY t.due_date ASC NULLS LAST, t.created_at DESC LIMIT 1000`,
      params,
    );
    return rows.map((r) => toTaskDto(r));
  }

  async byIds(m: Db, coalitionId: string, ids: string[]): Promise<TaskDto[]> {
    if (!ids.length) return [];
    const rows: TaskRow[] = await m.query(
      `${TASK_SELECT} WHERE t.coalition_id = $1 AND t.id = ANY($2::uuid[])`,
      [coalitionId, ids],
    );
    return rows.map((r) => toTaskDto(r));
  }

  async one(m: Db, coalitionId: string, id: string): Promise<TaskDto | null> {
    const [task] = await this.byIds(m, coalitionId, [id]);
    return task ?? null;
  }

  /** Open tasks of the coalition (for duplicate detection and overlap alerts). */
  async open(m: Db, coalitionId: string): Promise<TaskDto[]> {
    const rows: TaskRow[] = await m.query(
      `${TASK_SELECT} WHERE t.coalition_id = $1 AND t.status NOT IN ('done', 'cancelled')`,
      [coalitionId],
    );
    return rows.map((r) => toTaskDto(r));
  }

  async insert(
    m: Db,
    input: TaskFields & {
      coalitionId: string;
      parentId: string | null;
      userId: string;
      organizationId: string;
    },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO tasks (coalition_id, parent_id, title, description, status, priority, labels,
                          assignee_org_id, assignee_user_id, working_group_id, due_date,
                          created_by_user_id, created_by_org_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9, $10, $11::date, $12, $13) RETURNING id`,
      [
        input.coalitionId,
        input.parentId,
        input.title,
        input.description,
        input.status,
        input.priority,
        input.labels,
        input.assigneeOrgId,
        input.assigneeUserId,
        input.workingGroupId,
        input.dueDate,
        input.userId,
        input.organizationId,
      ],
    );
    return rows[0].id;
  }

  /** Writes the changed fields and bumps the version, only if the version is still `version`. */
  async update(m: Db, id: string, version: number, changes: Partial<TaskFields>): Promise<boolean> {
    const sets: string[] = [];
    const params: unknown[] = [id, version];
    for (const [field, value] of Object.entries(changes) as Array<[keyof TaskFields, unknown]>) {
      params.push(value);
      const cast = field === 'labels' ? '::text[]' : field === 'dueDate' ? '::date' : '';
      sets.push(`${COLUMN[field]} = $${params.length}${cast}`);
    }
    if ('dueDate' in changes) sets.push('due_reminded_at = NULL');
    const rows: Array<{ id: string }> = returningRows<{ id: string }>(
      await m.query(
        `UPDATE tasks SET ${[...sets, 'version = version + 1', 'updated_at = clock_timestamp()'].join(', ')}
          WHERE id = $1 AND version = $2 RETURNING id`,
        params,
      ),
    );
    return rows.length === 1;
  }

  async touch(m: Db, id: string): Promise<void> {
    await m.query(
      'UPDATE tasks SET version = version + 1, updated_at = clock_timestamp() WHERE id = $1',
      [id],
    );
  }

  async setDuplicateOf(m: Db, id: string, intoId: string): Promise<void> {
    await m.query(
      `UPDATE tasks SET duplicate_of_id = $2, status = 'cancelled', version = version + 1,
              updated_at = clock_timestamp() WHERE id = $1`,
      [id, intoId],
    );
  }

  async replaceLinks(m: Db, taskId: string, links: TaskLinkInput[]): Promise<void> {
    await m.query('DELETE FROM task_links WHERE task_id = $1', [taskId]);
    await this.addLinks(m, taskId, links);
  }

  async addLinks(m: Db, taskId: string, links: TaskLinkInput[]): Promise<void> {
    for (const l of links) {
      await m.query(
        `INSERT INTO task_links (task_id, kind, ref, title) VALUES ($1, $2, $3, $4)
         ON CONFLICT (task_id, kind, ref) DO NOTHING`,
        [taskId, l.kind, l.ref, l.title],
      );
    }
  }

  async subtasks(m: Db, coalitionId: string, parentId: string): Promise<TaskDto[]> {
    const rows: TaskRow[] = await m.query(
      `${TASK_SELECT} WHERE t.coalition_id = $1 AND t.parent_id = $2 ORDER BY t.created_at`,
      [coalitionId, parentId],
    );
    return rows.map((r) => toTaskDto(r));
  }

  async addRelation(
    m: Db,
    fromId: string,
    toId: string,
    kind: 'blocks' | 'duplicate_of' | 'related',
    userId: string,
  ): Promise<void> {
    await m.query(
      `INSERT INTO task_relations (from_task_id, to_task_id, kind, created_by_user_id)
       VALUES ($1, $2, $3, $4) ON CONFLICT (from_task_id, to_task_id, kind) DO NOTHING`,
      [fromId, toId, kind, userId],
    );
  }

  async relations(m: Db, taskId: string): Promise<TaskRelationDto[]> {
    const rows: Array<{
      id: string;
      kind: 'blocks' | 'duplicate_of' | 'related';
      outgoing: boolean;
      other_id: string;
      other_title: string;
      other_status: TaskStatus;
    }> = await m.query(
      `SELECT r.id, r.kind, (r.from_task_id = $1) AS outgoing, o.id AS other_id, o.title AS other_title,
              o.status AS other_status
         FROM task_relations r
         JOIN tasks o ON o.id = CASE WHEN r.from_task_id = $2 THEN r.to_task_id ELSE r.from_task_id END
        WHERE r.from_task_id = $3 OR r.to_task_id = $4
        ORDER BY r.created_at`,
      [taskId, taskId, taskId, taskId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.outgoing
        ? r.kind
        : r.kind === 'blocks'
          ? 'blocked_by'
          : r.kind === 'duplicate_of'
            ? 'duplicated_by'
            : 'related',
      task: { id: r.other_id, title: r.other_title, status: r.other_status },
    }));
  }

  async insertComment(
    m: Db,
    c: { taskId: string; userId: string; organizationId: string; body: string; mentions: unknown },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO task_comments (task_id, author_user_id, author_org_id, body, mentions)
       VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
      [c.taskId, c.userId, c.organizationId, c.body, JSON.stringify(c.mentions)],
    );
    return rows[0].id;
  }

  /** Copies every comment of one task to another, keeping authors and dates (a merge). */
  async copyComments(m: Db, fromId: string, toId: string): Promise<number> {
    const rows = returningRows<{ id: string }>(
      await m.query(
        `INSERT INTO task_comments (task_id, author_user_id, author_org_id, body, mentions, created_at)
         SELECT $1, author_user_id, author_org_id, body, mentions, created_at FROM task_comments
          WHERE task_id = $2 RETURNING id`,
        [toId, fromId],
      ),
    );
    return rows.length;
  }

  async links(m: Db, taskId: string): Promise<TaskLinkInput[]> {
    return m.query('SELECT kind, ref, title FROM task_links WHERE task_id = $1', [taskId]);
  }

  async comments(m: Db, taskId: string): Promise<TaskCommentDto[]> {
    const rows: Array<{
      id: string;
      body: string;
      created_at: Date;
      user_id: string | null;
      user_name: string | null;
      user_org_id: string | null;
      org_id: string | null;
      org_name: string | null;
    }> = await m.query(
      `SELECT c.id, c.body, c.created_at, u.id AS user_id, u.name AS user_name,
              u.organization_id AS user_org_id, o.id AS org_id, o.name AS org_name
         FROM task_comments c
         LEFT JOIN users u ON u.id = c.author_user_id
         LEFT JOIN organizations o ON o.id = c.author_org_id
        WHERE c.task_id = $1 ORDER BY c.created_at, c.id`,
      [taskId],
    );
    return rows.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
      author: r.user_id
        ? { id: r.user_id, name: r.user_name ?? '', organizationId: r.user_org_id ?? '' }
        : null,
      authorOrg: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
    }));
  }

  async follow(m: Db, taskId: string, userIds: Array<string | null>): Promise<void> {
    for (const userId of new Set(userIds)) {
      if (!userId) continue;
      await m.query(
        'INSERT INTO task_followers (task_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
        [taskId, userId],
      );
    }
  }

  async followers(m: Db, taskId: string): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await m.query(
      `SELECT f.user_id FROM task_followers f JOIN users u ON u.id = f.user_id
        WHERE f.task_id = $1 AND u.disabled_at IS NULL`,
      [taskId],
    );
    return rows.map((r) => r.user_id);
  }

  /** Active users of an organization (to notify an org-level assignment). */
  async orgUsers(m: Db, organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await m.query(
      'SELECT id FROM users WHERE organization_id = $1 AND disabled_at IS NULL',
      [organizationId],
    );
    return rows.map((r) => r.id);
  }
}
