import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

const PAGE = 200;

/** Tasks the organization created or was assigned, with their links and comments. */
@Injectable()
export class TasksSection implements OrgDataSection {
  readonly key = 'tasks';
  readonly label = 'Tasks';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'tasks.json':
      'Tasks the organization created or is assigned, with links, every comment on them, and who wrote it.',
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async size(ctx: SectionContext): Promise<number> {
    const rows: Array<{ n: string }> = await this.db.query(
      `SELECT count(*) AS n FROM tasks
        WHERE coalition_id = $2 AND (created_by_org_id = $1 OR assignee_org_id = $1)`,
      [ctx.organization.id, ctx.coalition!.id],
    );
    return Math.max(1, Math.ceil(Number(rows[0].n) / PAGE));
  }

  async write(ctx: SectionContext): Promise<number> {
    const pages = await this.size(ctx);
    const count = await ctx.archive.addJsonArray(
      `${ctx.coalition!.folder}/tasks.json`,
      this.rows(ctx, pages),
    );
    return count;
  }

  private async *rows(ctx: SectionContext, pages: number): AsyncGenerator<unknown> {
    let after = '00000000-0000-0000-0000-000000000000';
    let reported = 0;
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.db.query(
        `SELECT t.id, t.parent_id, t.title, t.description, t.status, t.priority, t.labels,
                to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.created_at, t.updated_at,
                t.created_by_org_id = $1 AS created_by_us, co.name AS created_by_org,
                cu.name AS created_by_user, ao.name AS assignee_org, au.name AS assignee_user,
                w.name AS working_group,
                (SELECT coalesce(json_agg(json_build_object('kind', l.kind, 'ref', l.ref, 'title', l.title)
                          ORDER BY l.created_at), '[]'::json)
                   FROM task_links l WHERE l.task_id = t.id) AS links,
                (SELECT coalesce(json_agg(json_build_object('id', c.id, 'body', c.body,
                          'author', u.name, 'authorOrganization', o.name, 'createdAt', c.created_at)
                          ORDER BY c.created_at), '[]'::json)
                   FROM task_comments c
                   LEFT JOIN users u ON u.id = c.author_user_id
                   LEFT JOIN organizations o ON o.id = c.author_org_id
                  WHERE c.task_id = t.id) AS comments
           FROM tasks t
           LEFT JOIN organizations co ON co.id = t.created_by_org_id
           LEFT JOIN users cu ON cu.id = t.created_by_user_id
           LEFT JOIN organizations ao ON ao.id = t.assignee_org_id
           LEFT JOIN users au ON au.id = t.assignee_user_id
           LEFT JOIN working_groups w ON w.id = t.working_group_id
          WHERE t.coalition_id = $2 AND (t.created_by_org_id = $1 OR t.assignee_org_id = $1)
            AND t.id > $3
          ORDER BY t.id LIMIT $4`,
        [ctx.organization.id, ctx.coalition!.id, after, PAGE],
      );
      for (const r of rows) {
        yield {
          id: r.id,
          parentId: r.parent_id,
          title: r.title,
          description: r.description,
          status: r.status,
          priority: r.priority,
          labels: r.labels,
          dueDate: r.due_date,
          workingGroup: r.working_group,
          createdByUs: r.created_by_us,
          createdBy: { organization: r.created_by_org, person: r.created_by_user },
          assignee: { organization: r.assignee_org, person: r.assignee_user },
          links: r.links,
          comments: r.comments,
          createdAt: iso(r.created_at as Date),
          updatedAt: iso(r.updated_at as Date),
        };
      }
      // Tasks added while exporting may need a page more than planned: progress stops at the plan.
      if (reported < pages) {
        reported += 1;
        await ctx.progress(1, `Tasks of ${ctx.coalition!.name}`);
      }
      if (rows.length < PAGE) {
        if (reported < pages) await ctx.progress(pages - reported);
        return;
      }
      after = String(rows[rows.length - 1].id);
    }
  }
}
