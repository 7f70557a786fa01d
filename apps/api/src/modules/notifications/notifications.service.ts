import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NOTIFICATION_KINDS } from '@coalesce/protocol';
import type {
  NotificationKind,
  NotificationListDto,
  NotificationListQuery,
  NotificationPreferencesDto,
  NotificationPreferencesUpdate,
} from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { NotificationsRepository } from './notifications.repository.js';
import type { NewNotification } from './notifications.repository.js';

const EXCERPT_LENGTH = 140;

export interface CommentActivity {
  actorUserId: string;
  coalitionId: string;
  documentId: string;
  threadId: string;
  body: string;
  /** Users mentioned directly or through their organization (already resolved to active users). */
  mentionedUserIds: string[];
  /** Earlier participants of the thread (for a reply). */
  participantUserIds: string[];
  /** Who may see the document: recipients outside it are dropped. */
  canView: (userId: string) => boolean;
}

/** Something that happened to a task or a claim, for the people it concerns. */
export interface TaskActivityNotice {
  kind: Exclude<NotificationKind, 'mention' | 'reply'>;
  /** null when the system acts (an expiry job): then nobody is skipped as the author. */
  actorUserId: string | null;
  coalitionId: string;
  taskId: string | null;
  recipientUserIds: string[];
  excerpt: string;
}

export type CreatedNotification = { id: string; userId: string; coalitionId: string };

/**
 * In-app notifications: a mention notifies the mentioned people, a reply the thread's earlier
 * participants; never the author, never someone who may not see the document. Each recipient is
 * told live on their own sockets only.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repo: NotificationsRepository,
    private readonly live: LiveEvents,
  ) {}

  /** Writes the notifications of a new comment (inside its transaction); call `announce` after commit. */
  async forComment(
    m: EntityManager,
    activity: CommentActivity,
  ): Promise<Array<{ id: string; userId: string; coalitionId: string }>> {
    const excerpt = excerptOf(activity.body);
    const byUser = new Map<string, NewNotification['kind']>();
    for (const userId of activity.participantUserIds) byUser.set(userId, 'reply');
    for (const userId of activity.mentionedUserIds) byUser.set(userId, 'mention');
    byUser.delete(activity.actorUserId);
    const items: NewNotification[] = [...byUser]
      .filter(([userId]) => activity.canView(userId))
      .map(([userId, kind]) => ({
        userId,
        kind,
        actorUserId: activity.actorUserId,
        coalitionId: activity.coalitionId,
        documentId: activity.documentId,
        threadId: activity.threadId,
        excerpt,
      }));
    const allowed = await this.withoutDisabled(m, items);
    const created = await this.repo.insert(m, allowed);
    return created.map((c) => ({ ...c, coalitionId: activity.coalitionId }));
  }

  /**
   * Notifies people of something that already committed elsewhere (e.g. a bill tracker alert): one
   * notification per recipient (unless they switched that kind off), each told live on their own
   * sockets.
   */
  async notify(items: NewNotification[]): Promise<void> {
    const created = await this.repo.insertNow(items, (m, list) => this.withoutDisabled(m, list));
    const coalitionOf = new Map(items.map((i) => [i.userId, i.coalitionId]));
    this.announce(created.map((c) => ({ ...c, coalitionId: coalitionOf.get(c.userId)! })));
  }

  /**
   * Writes task notifications (inside the caller's transaction): never to the actor, once per
   * person, and only for kinds the person has not switched off. Call `announce` after commit.
   */
  async forTask(m: EntityManager, notice: TaskActivityNotice): Promise<CreatedNotification[]> {
    const recipients = [...new Set(notice.recipientUserIds)].filter(
      (id) => id !== notice.actorUserId,
    );
    const items: NewNotification[] = recipients.map((userId) => ({
      userId,
      kind: notice.kind,
      actorUserId: notice.actorUserId,
      coalitionId: notice.coalitionId,
      taskId: notice.taskId,
      excerpt: excerptOf(notice.excerpt),
    }));
    const created = await this.repo.insert(m, await this.withoutDisabled(m, items));
    return created.map((c) => ({ ...c, coalitionId: notice.coalitionId }));
  }

  async preferences(user: AuthUser): Promise<NotificationPreferencesDto> {
    const stored = await this.repo.preferences(user.id);
    const enabled = Object.fromEntries(
      NOTIFICATION_KINDS.map((kind) => [kind, stored.get(kind) ?? true]),
    ) as Record<NotificationKind, boolean>;
    return { enabled };
  }

  async setPreferences(
    user: AuthUser,
    input: NotificationPreferencesUpdate,
  ): Promise<NotificationPreferencesDto> {
    await this.repo.setPreferences(
      user.id,
      Object.entries(input.enabled).filter(([, v]) => typeof v === 'boolean') as Array<
        [string, boolean]
      >,
    );
    return this.preferences(user);
  }

  private async withoutDisabled(
    m: EntityManager,
    items: NewNotification[],
  ): Promise<NewNotification[]> {
    const off = await this.repo.disabledKinds(
      m,
      items.map((i) => i.userId),
    );
    return items.filter((i) => !off.has(`${i.userId}:${i.kind}`));
  }

  announce(created: Array<{ id: string; userId: string; coalitionId: string }>): void {
    for (const n of created) {
      this.live.entityChanged({
        coalitionId: n.coalitionId,
        type: 'notification',
        id: n.id,
        action: 'created',
        userIds: [n.userId],
      });
    }
  }

  async list(user: AuthUser, query: NotificationListQuery): Promise<NotificationListDto> {
    const [items, unreadCount] = await Promise.all([
      this.repo.list(user.id, query.unread ?? false, query.limit),
      this.repo.unreadCount(user.id),
    ]);
    return { items, unreadCount };
  }

  async markRead(user: AuthUser, id: string): Promise<void> {
    const done = await this.repo.markRead(user.id, id);
    if (!done) throw AppError.notFound('Notification');
    this.live.entityChanged({
      coalitionId: done.coalitionId,
      type: 'notification',
      id,
      action: 'updated',
      userIds: [user.id],
    });
  }

  async markAllRead(user: AuthUser): Promise<void> {
    await this.repo.markAllRead(user.id);
  }
}

export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}
