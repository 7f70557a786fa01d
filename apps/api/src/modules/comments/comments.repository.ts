import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { CommentDto, CommentThreadDto, Mention } from '@coalesce/protocol';

interface ThreadRow {
  id: string;
  document_id: string;
  anchor_start: string;
  anchor_end: string;
  quote: string;
  status: 'open' | 'resolved';
  resolved_by_id: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  created_at: Date;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  org_id: string | null;
  org_name: string | null;
  body: string;
  mentions: Array<Mention & { name: string }> | string;
  created_at: Date;
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** The SQL of comment threads and their comments. */
@Injectable()
export class CommentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertThread(
    m: EntityManager,
    t: { documentId: string; start: string; end: string; quote: string; userId: string },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO comment_threads (document_id, anchor_start, anchor_end, quote, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [t.documentId, t.start, t.end, t.quote, t.userId],
    );
    return rows[0].id;
  }

  async insertComment(
    m: EntityManager,
    c: {
      threadId: string;
      userId: string;
      organizationId: string;
      body: string;
      mentions: Array<Mention & { name: string }>;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO comments (thread_id, author_user_id, author_org_id, body, mentions)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [c.threadId, c.userId, c.organizationId, c.body, JSON.stringify(c.mentions)],
    );
    await m.query('UPDATE comment_threads SET updated_at = now() WHERE id = $1', [c.threadId]);
  }

  /** True when the thread exists on this document (threads of another document are 404). */
  async threadExists(m: EntityManager, docId: string, threadId: string): Promise<boolean> {
    const rows = await m.query(
      'SELECT 1 FROM comment_threads WHERE id = $1 AND document_id = $2 FOR UPDATE',
      [threadId, docId],
    );
    return rows.length > 0;
  }

  /** Users who wrote in the thread so far. */
  async participants(m: EntityManager, threadId: string): Promise<string[]> {
    const rows: Array<{ author_user_id: string }> = await m.query(
      `SELECT DISTINCT author_user_id FROM comments WHERE thread_id = $1 AND author_user_id IS NOT NULL`,
      [threadId],
    );
    return rows.map((r) => r.author_user_id);
  }

  async setStatus(
    m: EntityManager,
    threadId: string,
    status: 'open' | 'resolved',
    userId: string,
  ): Promise<void> {
    if (status === 'resolved')
      await m.query(
        `UPDATE comment_threads SET status = 'resolved', resolved_by_user_id = $2,
                resolved_at = COALESCE(resolved_at, now()), updated_at = now()
          WHERE id = $1`,
        [threadId, userId],
      );
    else
      await m.query(
        `UPDATE comment_threads SET status = 'open', resolved_by_user_id = NULL, resolved_at = NULL,
                updated_at = now() WHERE id = $1`,
        [threadId],
      );
  }

  /** Threads of a document (all, or the one given), oldest first, with their comments. */
  async threads(docId: string, threadId?: string): Promise<CommentThreadDto[]> {
    const threads: ThreadRow[] = await this.db.query(
      `SELECT t.id, t.document_id, t.anchor_start, t.anchor_end, t.quote, t.status,
              r.id AS resolved_by_id, r.name AS resolved_by_name, t.resolved_at, t.created_at
         FROM comment_threads t LEFT JOIN users r ON r.id = t.resolved_by_user_id
        WHERE t.document_id = $1 ${threadId ? 'AND t.id = $2' : ''}
        ORDER BY t.created_at, t.id`,
      threadId ? [docId, threadId] : [docId],
    );
    if (!threads.length) return [];
    const comments: CommentRow[] = await this.db.query(
      `SELECT c.id, c.thread_id, u.id AS author_id, u.name AS author_name, o.id AS org_id,
              o.name AS org_name, c.body, c.mentions, c.created_at
         FROM comments c
         LEFT JOIN users u ON u.id = c.author_user_id
         LEFT JOIN organizations o ON o.id = c.author_org_id
        WHERE c.thread_id = ANY($1::uuid[])
        ORDER BY c.created_at, c.id`,
      [threads.map((t) => t.id)],
    );
    const byThread = new Map<string, CommentDto[]>();
    for (const c of comments) {
      const list = byThread.get(c.thread_id) ?? [];
      list.push({
        id: c.id,
        threadId: c.thread_id,
        author: {
          id: c.author_id ?? '',
          name: c.author_name ?? 'Former user',
          organizationId: c.org_id ?? '',
          organizationName: c.org_name ?? '',
        },
        body: c.body,
        mentions: typeof c.mentions === 'string' ? JSON.parse(c.mentions) : c.mentions,
        createdAt: iso(c.created_at),
      });
      byThread.set(c.thread_id, list);
    }
    return threads.map((t) => ({
      id: t.id,
      documentId: t.document_id,
      anchor: { start: t.anchor_start, end: t.anchor_end },
      quote: t.quote,
      status: t.status,
      resolvedBy: t.resolved_by_id
        ? { id: t.resolved_by_id, name: t.resolved_by_name ?? '' }
        : null,
      resolvedAt: t.resolved_at ? iso(t.resolved_at) : null,
      createdAt: iso(t.created_at),
      comments: byThread.get(t.id) ?? [],
    }));
  }
}
