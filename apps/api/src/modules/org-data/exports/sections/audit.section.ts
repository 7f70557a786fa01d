import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

const PAGE = 1000;

/** The audit log entries about the organization (what its admins see in its audit log). */
@Injectable()
export class AuditSection implements OrgDataSection {
  readonly key = 'auditEntries';
  readonly label = 'Audit log';
  readonly scope = 'organization' as const;
  readonly contents = {
    'audit.json':
      'Audit log entries about the organization, oldest first (action, time, actor, target, address, details).',
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async size(ctx: SectionContext): Promise<number> {
    const rows: Array<{ n: string }> = await this.db.query(
      'SELECT count(*) AS n FROM audit_log WHERE organization_id = $1',
      [ctx.organization.id],
    );
    return Math.max(1, Math.ceil(Number(rows[0].n) / PAGE));
  }

  async write(ctx: SectionContext): Promise<number> {
    const pages = await this.size(ctx);
    let reported = 0;
    const db = this.db;
    async function* entries(): AsyncGenerator<unknown> {
      let after = 0;
      for (;;) {
        const rows: Array<Record<string, unknown>> = await db.query(
          `SELECT a.id, a.occurred_at, a.action, a.actor_user_id, u.name AS actor_name,
                  a.actor_org_id, a.coalition_id, a.target_type, a.target_id, a.ip, a.details
             FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id
            WHERE a.organization_id = $1 AND a.id > $2 ORDER BY a.id LIMIT $3`,
          [ctx.organization.id, after, PAGE],
        );
        for (const r of rows) {
          yield {
            id: String(r.id),
            occurredAt: iso(r.occurred_at as Date),
            action: r.action,
            actor:
              r.actor_user_id || r.actor_org_id
                ? { userId: r.actor_user_id, name: r.actor_name, organizationId: r.actor_org_id }
                : null,
            coalitionId: r.coalition_id,
            target: r.target_type ? { type: r.target_type, id: r.target_id } : null,
            ip: r.ip,
            details: r.details,
          };
        }
        if (reported < pages) {
          reported += 1;
          await ctx.progress(1, 'Audit log');
        }
        if (rows.length < PAGE) {
          if (reported < pages) await ctx.progress(pages - reported);
          return;
        }
        after = Number(rows[rows.length - 1].id);
      }
    }
    return ctx.archive.addJsonArray('audit.json', entries());
  }
}
