import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { normalizeClaimKey } from '@coalesce/domain';
import type { DemoIds } from './demo-documents.seeder.js';
import { DEMO_CLAIMS, DEMO_TASKS } from './demo-tasks.js';

const DAY = 86_400_000;

/**
 * Writes the demo tasks (across organizations, some overdue, one near-duplicate pair), their
 * comments, history and claims, so the coordinator dashboard is alive on first start. Runs inside
 * the demo seed's transaction.
 */
@Injectable()
export class DemoTasksSeeder {
  async seed(m: EntityManager, ids: DemoIds, now = new Date()): Promise<void> {
    const users: Array<{ id: string; email: string; organization_id: string }> = await m.query(
      'SELECT id, email, organization_id FROM users',
    );
    const user = (email: string) => {
      const found = users.find((u) => u.email === email);
      if (!found) throw new Error(`demo person ${email} is missing`);
      return found;
    };
    const titles = new Map<string, string>();
    for (const task of DEMO_TASKS) {
      const creator = user(task.createdBy);
      const due =
        task.dueInDays === undefined ? null : new Date(now.getTime() + task.dueInDays * DAY);
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO tasks (coalition_id, title, description, status, priority, labels, assignee_org_id,
                            assignee_user_id, working_group_id, due_date, created_by_user_id, created_by_org_id)
         VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9, $10::date, $11, $12) RETURNING id`,
        [
          ids.coalitionId,
          task.title,
          task.description,
          task.status,
          task.priority,
          task.labels,
          ids.orgIds.get(task.assignee) ?? null,
          task.person ? user(task.person).id : null,
          task.group ? (ids.groupIds.get(task.group) ?? null) : null,
          due ? due.toISOString().slice(0, 10) : null,
          creator.id,
          creator.organization_id,
        ],
      );
      const id = rows[0].id;
      titles.set(task.title, id);
      for (const link of task.links ?? [])
        await m.query(
          `INSERT INTO task_links (task_id, kind, ref, title) VALUES ($1, $2, $3, $4)`,
          [id, link.kind, link.ref, link.title],
        );
      const followers = new Set([creator.id, ...(task.person ? [user(task.person).id] : [])]);
      for (const comment of task.comments ?? []) {
        const author = user(comment.by);
        followers.add(author.id);
        await m.query(
          `INSERT INTO task_comments (task_id, author_user_id, author_org_id, body) VALUES ($1, $2, $3, $4)`,
          [id, author.id, author.organization_id, comment.body],
        );
      }
      for (const follower of followers)
        await m.query(`INSERT INTO task_followers (task_id, user_id) VALUES ($1, $2)`, [
          id,
          follower,
        ]);
      await m.query(
        `INSERT INTO coordination_activity (coalition_id, task_id, working_group_id, actor_user_id, actor_org_id, action, changes)
         VALUES ($1, $2, $3, $4, $5, 'task.created', $6::jsonb)`,
        [
          ids.coalitionId,
          id,
          task.group ? (ids.groupIds.get(task.group) ?? null) : null,
          creator.id,
          creator.organization_id,
          JSON.stringify({ title: task.title, status: task.status }),
        ],
      );
    }
    for (const claim of DEMO_CLAIMS) {
      const by = user(claim.by);
      const taskId = claim.targetKind === 'task' ? (titles.get(claim.target) ?? null) : null;
      const key = taskId ?? normalizeClaimKey(claim.target);
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO claims (coalition_id, target_kind, target_key, target_label, task_id, organization_id, user_id, note, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          ids.coalitionId,
          claim.targetKind,
          key,
          claim.target,
          taskId,
          ids.orgIds.get(claim.org),
          by.id,
          claim.note,
          new Date(now.getTime() + claim.expiresInDays * DAY - 60_000),
        ],
      );
      await m.query(
        `INSERT INTO coordination_activity (coalition_id, task_id, claim_id, actor_user_id, actor_org_id, action, changes)
         VALUES ($1, $2, $3, $4, $5, 'claim.created', $6::jsonb)`,
        [
          ids.coalitionId,
          taskId,
          rows[0].id,
          by.id,
          by.organization_id,
          JSON.stringify({ target: claim.target }),
        ],
      );
    }
  }
}
