import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { NotificationDto, NotificationKind } from '@coalesce/protocol';
import { returningRows } from '../../core/database/returning-rows.js';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  /** The actor; null for the system (an expiry job). */
  actorUserId: string | null;
  coalitionId: string;
  documentId?: string | null;
  threadId?: string | null;
  billId?: string | null;
  meetingId?: string | null;
  taskId?: string | null;
  excerpt: string;
}

interface Row {
  id: string;
  kind: NotificationKind;
  actor_id: string | null;
  actor_name: string | null;
  actor_org_name: string | null;
  coalition_id: string;
  document_id: string | null;
  document_title: string | null;
  thread_id: string | null;
  bill_id: string | null;
  bill_identifier: string | null;
  meeting_id: string | null;
  task_id: string | null;
  task_title: string | null;
  excerpt: string;
  created_at: Date;
  read_at: Date | null;
}

/** The SQL of notifications; every read and write is scoped to one recipient. */
@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(
    m: EntityManager,
    items: NewNotification[],
  ): Promise<Array<{ id: string; userId: string }>> {
    const created: Array<{ id: string; userId: string }> = [];
    for (const n of items) {
      const rows: Array<{ id: string }> = await m.query(
        `INSERT INTO notifications (user_id, kind, actor_user_id, coalition_id, document_id, thread_id, bill_id, meeting_id, task_id, excerpt)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          n.userId,
          n.kind,
          n.actorUserId,
          n.coalitionId,
          n.documentId ?? null,
          n.threadId ?? null,
          n.billId ?? null,
          n.meetingId ?? null,
          n.taskId ?? null,
          n.excerpt,
        ],
      );
      created.push({ id: rows[0].id, userId: n.userId });
    }
    return created;
  }

  /** Inserts outside any caller's transaction (alerts raised after a change committed). */
  async insertNow(
    items: NewNotification[],
    filter?: (m: EntityManager, items: NewNotification[]) => Promise<NewNotification[]>,
  ): Promise<Array<{ id: string; userId: string }>> {
    if (!items.length) return [];
    return this.db.transaction(async (m) =>
      this.insert(m, filter ? await filter(m, items) : items),
    );
  }

  async list(userId: string, unreadOnly: boolean, limit: number): Promise<NotificationDto[]> {
    const rows: Row[] = await this.db.query(
      `SELECT n.id, n.kind, a.id AS actor_id, a.name AS actor_name, ao.name AS actor_org_name,
              n.coalition_id, n.document_id, d.title AS document_title, n.thread_id, n.bill_id,
              b.identifier AS bill_identifier, n.meeting_id, n.task_id, tk.title AS task_title,
              n.excerpt, n.created_at, n.read_at
         FROM notifications n
         LEFT JOIN users a ON a.id = n.actor_user_id
         LEFT JOIN organizations ao ON ao.id = a.organization_id
         LEFT JOIN documents d ON d.id = n.document_id AND d.deleted_at IS NULL
         LEFT JOIN bills b ON b.id = n.bill_id
         LEFT JOIN tasks tk ON tk.id = n.task_id
        WHERE n.user_id = $1 ${unreadOnly ? 'AND n.read_at IS NULL' : ''}
        ORDER BY n.created_at DESC, n.id DESC
        LIMIT $2`,
      [userId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      actor: r.actor_id
        ? { id: r.actor_id, name: r.actor_name ?? '', organizationName: r.actor_org_name ?? '' }
        : null,
      coalitionId: r.coalition_id,
      documentId: r.document_id,
      documentTitle: r.document_title,
      threadId: r.thread_id,
      billId: r.bill_id,
      billIdentifier: r.bill_identifier,
      meetingId: r.meeting_id,
      taskId: r.task_id,
      taskTitle: r.task_title,
      excerpt: r.excerpt,
      createdAt: new Date(r.created_at).toISOString(),
      readAt: r.read_at ? new Date(r.read_at).toISOString() : null,
    }));
  }

  /** The kinds each of these users switched off. */
  async disabledKinds(m: EntityManager, userIds: string[]): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: Array<{ user_id: string; kind: string }> = await m.query(
      'SELECT user_id, kind FROM notification_preferences WHERE user_id = ANY($1::uuid[]) AND enabled = false',
      [userIds],
    );
    return new Set(rows.map((r) => `${r.user_id}:${r.kind}`));
  }

  async preferences(userId: string): Promise<Map<string, boolean>> {
    const rows: Array<{ kind: string; enabled: boolean }> = await this.db.query(
      'SELECT kind, enabled FROM notification_preferences WHERE user_id = $1',
      [userId],
    );
    return new Map(rows.map((r) => [r.kind, r.enabled]));
  }

  async setPreferences(userId: string, enabled: Array<[string, boolean]>): Promise<void> {
    await this.db.transaction(async (m) => {
      for (const [kind, on] of enabled) {
        await m.query(
          `INSERT INTO notification_preferences (user_id, kind, enabled) VALUES ($1, $2, $3)
           ON CONFLICT (user_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled`,
          [userId, kind, on],
        );
      }
    });
  }

  async unreadCount(userId: string): Promise<number> {
    const rows: Array<{ n: string }> = await this.db.query(
      'SELECT count(*) AS n FROM notifications WHERE user_id = $1 AND read_at IS NULL',
      [userId],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /** Marks one notification read; null when it is not this user's. */
  async markRead(userId: string, id: string): Promise<{ coalitionId: string } | null> {
    const rows = returningRows<{ coalition_id: string }>(
      await this.db.query(
        `UPDATE notifications SET read_at = COALESCE(read_at, now())
          WHERE id = $1 AND user_id = $2 RETURNING coalition_id`,
        [id, userId],
      ),
    );
    return rows[0] ? { coalitionId: rows[0].coalition_id } : null;
  }

  async markAllRead(userId: string): Promise<number> {
    const rows = returningRows<{ id: string }>(
      await this.db.query(
        `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
        [userId],
      ),
    );
    return rows.length;
  }
}
