import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ActivityDto, ActivityQuery } from '@coalesce/protocol';

export interface NewActivity {
  coalitionId: string;
  taskId?: string | null;
  claimId?: string | null;
  workingGroupId?: string | null;
  /** null when the system acts (the expiry job). */
  actor: { userId: string; organizationId: string } | null;
  action: string;
  changes?: Record<string, unknown>;
}

interface Row {
  id: string;
  coalition_id: string;
  task_id: string | null;
  task_title: string | null;
  claim_id: string | null;
  working_group_id: string | null;
  user_id: string | null;
  user_name: string | null;
  user_org_id: string | null;
  org_id: string | null;
  org_name: string | null;
  action: string;
  changes: Record<string, unknown> | string;
  created_at: Date;
}

/** The history of tasks and claims: who changed what, when. Written in the change's transaction. */
@Injectable()
export class ActivityRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(m: Pick<EntityManager, 'query'>, a: NewActivity): Promise<void> {
    await m.query(
      `INSERT INTO coordination_activity (coalition_id, task_id, claim_id, working_group_id, actor_user_id, actor_org_id, action, changes)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        a.coalitionId,
        a.taskId ?? null,
        a.claimId ?? null,
        a.workingGroupId ?? null,
        a.actor?.userId ?? null,
        a.actor?.organizationId ?? null,
        a.action,
        JSON.stringify(a.changes ?? {}),
      ],
    );
  }

  async list(
    coalitionId: string,
    q: Partial<ActivityQuery> & { taskId?: string },
    m: Pick<EntityManager, 'query'> = this.db,
  ): Promise<ActivityDto[]> {
    const where = ['a.coalition_id = $1'];
    const params: unknown[] = [coalitionId];
    if (q.taskId) {
      params.push(q.taskId);
      where.push(`a.task_id = $${params.length}`);
    }
    if (q.workingGroupId) {
      params.push(q.workingGroupId);
      where.push(`COALESCE(a.working_group_id, t.working_group_id) = $${params.length}`);
    }
    if (q.organizationId) {
      params.push(q.organizationId, q.organizationId);
      where.push(
        `(a.actor_org_id = $${params.length - 1} OR t.assignee_org_id = $${params.length})`,
      );
    }
    if (q.kind === 'task') where.push('a.claim_id IS NULL');
    if (q.kind === 'claim') where.push('a.claim_id IS NOT NULL');
    params.push(q.limit ?? 50);
    const rows: Row[] = await m.query(
      `SELECT a.id, a.coalition_id, a.task_id, t.title AS task_title, a.claim_id,
              COALESCE(a.working_group_id, t.working_group_id) AS working_group_id,
              u.id AS user_id, u.name AS user_name, u.organization_id AS user_org_id,
              o.id AS org_id, o.name AS org_name, a.action, a.changes, a.created_at
         FROM coordination_activity a
         LEFT JOIN tasks t ON t.id = a.task_id
         LEFT JOIN users u ON u.id = a.actor_user_id
         LEFT JOIN organizations o ON o.id = a.actor_org_id
        WHERE ${where.join(' AND ')}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      coalitionId: r.coalition_id,
      taskId: r.task_id,
      taskTitle: r.task_title,
      claimId: r.claim_id,
      workingGroupId: r.working_group_id,
      actor: r.user_id
        ? { id: r.user_id, name: r.user_name ?? '', organizationId: r.user_org_id ?? '' }
        : null,
      actorOrg: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
      action: r.action,
      changes: typeof r.changes === 'string' ? JSON.parse(r.changes) : r.changes,
      createdAt: new Date(r.created_at).toISOString(),
    }));
  }
}
