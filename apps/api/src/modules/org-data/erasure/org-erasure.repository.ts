import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../../../core/database/returning-rows.js';

/** A run that has not finished after this long is taken to have died with its process. */
const LEASE = '10 minutes';
const MAX_ATTEMPTS = 5;

export const ERASED_ORG_NAME = 'Erased organization';
export const ERASED_USER_NAME = 'Erased user';

type Ref = { id: string; coalition_id: string };

/** The rows an erasure removed, to tell the sockets that may show them. */
export interface DeletedWork {
  tasks: Ref[];
  unassignedTasks: Ref[];
  meetings: Ref[];
  claims: Ref[];
  positionBills: Ref[];
  counts: Record<string, number>;
}

/** The SQL of an organization's erasure (see OrgErasureService for the order and the reasons). */
@Injectable()
export class OrgErasureRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Coalitions that would be left without a coordinator while other organizations remain in them:
   * the organization must hand coordination over first.
   */
  async lastCoordinatorOf(
    m: EntityManager,
    organizationId: string,
  ): Promise<Array<{ id: string; name: string }>> {
    return m.query(
      `SELECT c.id, c.name FROM coalition_members cm JOIN coalitions c ON c.id = cm.coalition_id
        WHERE cm.organization_id = $1 AND cm.role = 'coordinator'
          AND NOT EXISTS (SELECT 1 FROM coalition_members o WHERE o.coalition_id = cm.coalition_id
                            AND o.organization_id <> $1 AND o.role = 'coordinator')
          AND EXISTS (SELECT 1 FROM coalition_members o WHERE o.coalition_id = cm.coalition_id
                        AND o.organization_id <> $1)
        ORDER BY c.name`,
      [organizationId],
    );
  }

  async isRequested(m: EntityManager, organizationId: string): Promise<boolean> {
    const rows = await m.query('SELECT 1 FROM org_erasures WHERE organization_id = $1', [
      organizationId,
    ]);
    return rows.length > 0;
  }

  async request(m: EntityManager, organizationId: string, userId: string): Promise<void> {
    await m.query(
      `INSERT INTO org_erasures (organization_id, requested_by_user_id) VALUES ($1, $2)
       ON CONFLICT (organization_id) DO NOTHING`,
      [organizationId, userId],
    );
  }

  /**
   * Access stops: the organization leaves every coalition, working group, share and pending
   * invitation, and its people are disabled. Returns the coalitions it left and its people.
   */
  async cutOff(
    m: EntityManager,
    organizationId: string,
  ): Promise<{ coalitionIds: string[]; userIds: string[] }> {
    const left = returningRows<{ coalition_id: string }>(
      await m.query(
        'DELETE FROM coalition_members WHERE organization_id = $1 RETURNING coalition_id',
        [organizationId],
      ),
    );
    await m.query('DELETE FROM working_group_members WHERE organization_id = $1', [organizationId]);
    await m.query('DELETE FROM coalition_invites WHERE organization_id = $1', [organizationId]);
    await m.query('DELETE FROM document_shares WHERE organization_id = $1', [organizationId]);
    await m.query('DELETE FROM org_invites WHERE organization_id = $1', [organizationId]);
    const users = returningRows<{ id: string }>(
      await m.query(
        `UPDATE users SET disabled_at = coalesce(disabled_at, now()), updated_at = now()
          WHERE organization_id = $1 RETURNING id`,
        [organizationId],
      ),
    );
    return { coalitionIds: left.map((r) => r.coalition_id), userIds: users.map((u) => u.id) };
  }

  /** Takes a requested erasure for running; null when it is done or another run holds it. */
  async claim(organizationId: string): Promise<{ requestedBy: string | null } | null> {
    const rows = returningRows<{ requested_by_user_id: string | null }>(
      await this.db.query(
        `UPDATE org_erasures SET started_at = now(), attempts = attempts + 1
          WHERE organization_id = $1 AND completed_at IS NULL AND attempts < $2
            AND (started_at IS NULL OR started_at < now() - $3::interval)
        RETURNING requested_by_user_id`,
        [organizationId, MAX_ATTEMPTS, LEASE],
      ),
    );
    return rows[0] ? { requestedBy: rows[0].requested_by_user_id } : null;
  }

  async failed(organizationId: string, error: string): Promise<void> {
    await this.db.query(
      'UPDATE org_erasures SET started_at = NULL, error = $2 WHERE organization_id = $1',
      [organizationId, error.slice(0, 2000)],
    );
  }

  /** Erasures requested and not finished, whose last run is over (for the periodic job). */
  async pending(): Promise<string[]> {
    const rows: Array<{ organization_id: string }> = await this.db.query(
      `SELECT organization_id FROM org_erasures
        WHERE completed_at IS NULL AND attempts < $1
          AND (started_at IS NULL OR started_at < now() - $2::interval)
        ORDER BY requested_at LIMIT 10`,
      [MAX_ATTEMPTS, LEASE],
    );
    return rows.map((r) => r.organization_id);
  }

  async people(organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      'SELECT id FROM users WHERE organization_id = $1',
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  async ownedDocuments(organizationId: string): Promise<Ref[]> {
    return this.db.query('SELECT id, coalition_id FROM documents WHERE owner_org_id = $1', [
      organizationId,
    ]);
  }

  /**
   * Deletes the organization's documents for good (soft-deleted ones too): their snapshots, update
   * logs, versions, comment threads, shares, bill links and notifications go with them (foreign
   * keys), and task links pointing at them are removed.
   */
  async deleteDocuments(m: EntityManager, organizationId: string, ids: string[]): Promise<number> {
    if (ids.length) {
      await m.query(`DELETE FROM task_links WHERE kind = 'document' AND ref = ANY($1::text[])`, [
        ids,
      ]);
    }
    const deleted = returningRows<{ id: string }>(
      await m.query('DELETE FROM documents WHERE owner_org_id = $1 RETURNING id', [organizationId]),
    );
    return deleted.length;
  }

  /** The organization's work in coalitions: tasks, positions, meetings, claims, calendar, activity. */
  async deleteWork(
    m: EntityManager,
    organizationId: string,
    userIds: string[],
  ): Promise<DeletedWork> {
    const org = organizationId;
    // Subtasks others created under the organization's tasks survive as top-level tasks.
    await m.query(
      `UPDATE tasks SET parent_id = NULL
        WHERE parent_id IN (SELECT id FROM tasks WHERE created_by_org_id = $1)
          AND created_by_org_id IS DISTINCT FROM $1`,
      [org],
    );
    const tasks = returningRows<Ref>(
      await m.query('DELETE FROM tasks WHERE created_by_org_id = $1 RETURNING id, coalition_id', [
        org,
      ]),
    );
    const unassignedTasks = returningRows<Ref>(
      await m.query(
        `UPDATE tasks SET assignee_org_id = NULL, assignee_user_id = NULL, version = version + 1,
                updated_at = clock_timestamp()
          WHERE assignee_org_id = $1 OR assignee_user_id = ANY($2::uuid[])
        RETURNING id, coalition_id`,
        [org, userIds],
      ),
    );
    const positionBills = returningRows<Ref>(
      await m.query(
        `DELETE FROM bill_positions p USING bills b
          WHERE b.id = p.bill_id AND p.organization_id = $1
        RETURNING b.id, b.coalition_id`,
        [org],
      ),
    );
    await m.query('UPDATE bills SET lead_org_id = NULL WHERE lead_org_id = $1', [org]);
    await m.query('UPDATE bills SET created_by_org_id = NULL WHERE created_by_org_id = $1', [org]);
    await m.query('UPDATE bill_documents SET linked_by_org_id = NULL WHERE linked_by_org_id = $1', [
      org,
    ]);
    const meetings = returningRows<Ref>(
      await m.query(
        'DELETE FROM meetings WHERE created_by_org_id = $1 RETURNING id, coalition_id',
        [org],
      ),
    );
    const attended = returningRows<{ meeting_id: string }>(
      await m.query(
        'DELETE FROM meeting_organizations WHERE organization_id = $1 RETURNING meeting_id',
        [org],
      ),
    );
    await m.query('DELETE FROM meeting_private_notes WHERE organization_id = $1', [org]);
    const events = returningRows<{ id: string }>(
      await m.query('DELETE FROM calendar_events WHERE created_by_org_id = $1 RETURNING id', [org]),
    );
    const claims = returningRows<Ref>(
      await m.query('DELETE FROM claims WHERE organization_id = $1 RETURNING id, coalition_id', [
        org,
      ]),
    );
    const activity = returningRows<{ id: string }>(
      await m.query('DELETE FROM coordination_activity WHERE actor_org_id = $1 RETURNING id', [
        org,
      ]),
    );
    return {
      tasks,
      unassignedTasks,
      meetings,
      claims,
      positionBills,
      counts: {
        tasks: tasks.length,
        tasksUnassigned: unassignedTasks.length,
        billPositions: positionBills.length,
        meetings: meetings.length,
        meetingsLeft: attended.length,
        calendarEvents: events.length,
        claims: claims.length,
        activityEntries: activity.length,
      },
    };
  }

  /**
   * Personal data of the organization's people and the organization: sessions, notifications,
   * preferences, follows, authorship records, exports and queued replacements go; the user and
   * organization rows stay (other records and the audit log point at them) but lose every
   * identifying field.
   */
  async anonymise(
    m: EntityManager,
    organizationId: string,
    userIds: string[],
  ): Promise<Record<string, number>> {
    const sessions = returningRows<{ id: string }>(
      await m.query('DELETE FROM sessions WHERE user_id = ANY($1::uuid[]) RETURNING id', [userIds]),
    );
    const notifications = returningRows<{ id: string }>(
      await m.query(
        `DELETE FROM notifications WHERE user_id = ANY($1::uuid[]) OR actor_user_id = ANY($1::uuid[])
         RETURNING id`,
        [userIds],
      ),
    );
    await m.query('DELETE FROM notification_preferences WHERE user_id = ANY($1::uuid[])', [
      userIds,
    ]);
    await m.query('DELETE FROM bill_followers WHERE user_id = ANY($1::uuid[])', [userIds]);
    await m.query('DELETE FROM task_followers WHERE user_id = ANY($1::uuid[])', [userIds]);
    await m.query('DELETE FROM doc_clients WHERE organization_id = $1', [organizationId]);
    await m.query('DELETE FROM org_exports WHERE organization_id = $1', [organizationId]);
    await m.query('DELETE FROM contribution_removals WHERE organization_id = $1', [organizationId]);
    await m.query(
      `UPDATE users SET name = $2, email = 'erased-' || id || '@erased.invalid',
              password_hash = '!erased', disabled_at = coalesce(disabled_at, now()), updated_at = now()
        WHERE organization_id = $1`,
      [organizationId, ERASED_USER_NAME],
    );
    await m.query(
      `UPDATE organizations SET name = $2, slug = 'erased-' || substr(replace(id::text, '-', ''), 1, 12),
              website = NULL, description = NULL, focus_areas = '{}', updated_at = now()
        WHERE id = $1`,
      [organizationId, ERASED_ORG_NAME],
    );
    return {
      sessions: sessions.length,
      notifications: notifications.length,
      people: userIds.length,
    };
  }

  async complete(
    m: EntityManager,
    organizationId: string,
    result: Record<string, number>,
  ): Promise<Date> {
    const rows = returningRows<{ completed_at: Date }>(
      await m.query(
        `UPDATE org_erasures SET completed_at = now(), result = $2, error = NULL
          WHERE organization_id = $1 RETURNING completed_at`,
        [organizationId, JSON.stringify(result)],
      ),
    );
    return new Date(rows[0].completed_at);
  }

  async result(
    organizationId: string,
  ): Promise<{ completedAt: Date; counts: Record<string, number> } | null> {
    const rows: Array<{ completed_at: Date | null; result: Record<string, number> | null }> =
      await this.db.query(
        'SELECT completed_at, result FROM org_erasures WHERE organization_id = $1',
        [organizationId],
      );
    const row = rows[0];
    if (!row?.completed_at) return null;
    return { completedAt: new Date(row.completed_at), counts: row.result ?? {} };
  }
}
