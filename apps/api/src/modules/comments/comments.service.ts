import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type {
  CommentReplyCreate,
  CommentThreadCreate,
  CommentThreadDto,
  CommentThreadStatus,
} from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CommentsRepository } from './comments.repository.js';
import { MentionsService } from './mentions.service.js';

/** The document a comment belongs to, as the access rule found it. */
export interface CommentContext {
  docId: string;
  coalitionId: string;
}

/**
 * Comment threads on a document: anchored to a text range (Yjs relative positions, kept as the
 * client encoded them), replies with mentions, resolve/reopen. Every change notifies the people it
 * concerns and is pushed live to the organizations that can see the document.
 */
@Injectable()
export class CommentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CommentsRepository,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
    private readonly policy: AccessPolicy,
    private readonly live: LiveEvents,
  ) {}

  list(docId: string): Promise<CommentThreadDto[]> {
    return this.repo.threads(docId);
  }

  async createThread(
    user: AuthUser,
    ctx: CommentContext,
    input: CommentThreadCreate,
  ): Promise<CommentThreadDto> {
    // Read before the transaction: inside it only its own manager may query (PGlite is one session).
    const audience = await this.policy.documentAudience(ctx.docId);
    const { threadId, notified } = await this.db.transaction(async (m) => {
      const resolved = await this.mentions.resolve(m, ctx.coalitionId, input.mentions);
      const threadId = await this.repo.insertThread(m, {
        documentId: ctx.docId,
        start: input.anchor.start,
        end: input.anchor.end,
        quote: input.quote,
        userId: user.id,
      });
      await this.repo.insertComment(m, {
        threadId,
        userId: user.id,
        organizationId: user.organizationId,
        body: input.body,
        mentions: resolved.mentions,
      });
      const notified = await this.notify(m, user, ctx, threadId, input.body, audience, {
        mentioned: resolved.userIds,
        participants: [],
      });
      return { threadId, notified };
    });
    await this.announce(ctx, threadId, 'created');
    this.notifications.announce(notified);
    return this.thread(ctx.docId, threadId);
  }

  async reply(
    user: AuthUser,
    ctx: CommentContext,
    threadId: string,
    input: CommentReplyCreate,
  ): Promise<CommentThreadDto> {
    const audience = await this.policy.documentAudience(ctx.docId);
    const notified = await this.db.transaction(async (m) => {
      if (!(await this.repo.threadExists(m, ctx.docId, threadId)))
        throw AppError.notFound('Comment thread');
      const resolved = await this.mentions.resolve(m, ctx.coalitionId, input.mentions);
      const participants = await this.repo.participants(m, threadId);
      await this.repo.insertComment(m, {
        threadId,
        userId: user.id,
        organizationId: user.organizationId,
        body: input.body,
        mentions: resolved.mentions,
      });
      return this.notify(m, user, ctx, threadId, input.body, audience, {
        mentioned: resolved.userIds,
        participants,
      });
    });
    await this.announce(ctx, threadId, 'updated');
    this.notifications.announce(notified);
    return this.thread(ctx.docId, threadId);
  }

  async setStatus(
    user: AuthUser,
    ctx: CommentContext,
    threadId: string,
    input: CommentThreadStatus,
  ): Promise<CommentThreadDto> {
    await this.db.transaction(async (m) => {
      if (!(await this.repo.threadExists(m, ctx.docId, threadId)))
        throw AppError.notFound('Comment thread');
      await this.repo.setStatus(m, threadId, input.status, user.id);
    });
    await this.announce(ctx, threadId, 'updated');
    return this.thread(ctx.docId, threadId);
  }

  private async thread(docId: string, threadId: string): Promise<CommentThreadDto> {
    const [thread] = await this.repo.threads(docId, threadId);
    if (!thread) throw AppError.notFound('Comment thread');
    return thread;
  }

  /** Notifications of a new comment, limited to people whose organization may see the document. */
  private async notify(
    m: EntityManager,
    user: AuthUser,
    ctx: CommentContext,
    threadId: string,
    body: string,
    audience: Map<string, unknown>,
    people: { mentioned: string[]; participants: string[] },
  ) {
    const candidates = [...new Set([...people.mentioned, ...people.participants])];
    if (!candidates.length) return [];
    const orgOf: Array<{ id: string; organization_id: string }> = await m.query(
      'SELECT id, organization_id FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL',
      [candidates],
    );
    const viewers = new Set(orgOf.filter((u) => audience.has(u.organization_id)).map((u) => u.id));
    return this.notifications.forComment(m, {
      actorUserId: user.id,
      coalitionId: ctx.coalitionId,
      documentId: ctx.docId,
      threadId,
      body,
      mentionedUserIds: people.mentioned,
      participantUserIds: people.participants,
      canView: (userId) => viewers.has(userId),
    });
  }

  private async announce(
    ctx: CommentContext,
    threadId: string,
    action: 'created' | 'updated',
  ): Promise<void> {
    const audience = await this.policy.documentAudience(ctx.docId);
    if (!audience.size) return;
    this.live.entityChanged({
      coalitionId: ctx.coalitionId,
      type: 'comment-thread',
      id: threadId,
      parentId: ctx.docId,
      action,
      organizationIds: [...audience.keys()],
    });
  }
}
