import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

const PAGE = 500;

/** Comments the organization's people wrote on any document of the coalition. */
@Injectable()
export class CommentsSection implements OrgDataSection {
  readonly key = 'comments';
  readonly label = 'Comments';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'comments.json':
      "Comments written by the organization's people on any document of the coalition, with the document, the quoted text and the thread's status.",
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  size(): Promise<number> {
    return Promise.resolve(1);
  }

  async write(ctx: SectionContext): Promise<number> {
    const count = await ctx.archive.addJsonArray(
      `${ctx.coalition!.folder}/comments.json`,
      this.rows(ctx),
    );
    await ctx.progress(1, `Comments in ${ctx.coalition!.name}`);
    return count;
  }

  private async *rows(ctx: SectionContext): AsyncGenerator<unknown> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.db.query(
        `SELECT c.id, c.body, c.created_at, u.name AS author, t.id AS thread_id, t.quote,
                t.status, d.id AS document_id, d.title AS document_title
           FROM comments c
           JOIN comment_threads t ON t.id = c.thread_id
           JOIN documents d ON d.id = t.document_id
           LEFT JOIN users u ON u.id = c.author_user_id
          WHERE c.author_org_id = $1 AND d.coalition_id = $2 AND c.id > $3
          ORDER BY c.id LIMIT $4`,
        [ctx.organization.id, ctx.coalition!.id, after, PAGE],
      );
      for (const r of rows) {
        yield {
          id: r.id,
          document: { id: r.document_id, title: r.document_title },
          thread: { id: r.thread_id, quote: r.quote, status: r.status },
          author: r.author,
          body: r.body,
          createdAt: iso(r.created_at as Date),
        };
      }
      if (rows.length < PAGE) return;
      after = String(rows[rows.length - 1].id);
    }
  }
}
