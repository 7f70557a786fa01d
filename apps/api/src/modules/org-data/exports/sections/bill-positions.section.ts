import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

/** The organization's positions on the coalition's bills. */
@Injectable()
export class BillPositionsSection implements OrgDataSection {
  readonly key = 'billPositions';
  readonly label = 'Bill positions';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'bill-positions.json':
      "The organization's position (support, oppose, amend, monitor) on each bill, with its rationale.",
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  size(): Promise<number> {
    return Promise.resolve(1);
  }

  async write(ctx: SectionContext): Promise<number> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT b.id AS bill_id, b.jurisdiction, b.session, b.identifier, b.title, p.stance,
              p.rationale, p.decided_by, to_char(p.decided_at, 'YYYY-MM-DD') AS decided_at, p.updated_at, u.name AS decided_by_user
         FROM bill_positions p
         JOIN bills b ON b.id = p.bill_id
         LEFT JOIN users u ON u.id = p.decided_by_user_id
        WHERE p.organization_id = $1 AND b.coalition_id = $2
        ORDER BY b.jurisdiction, b.session, b.identifier`,
      [ctx.organization.id, ctx.coalition!.id],
    );
    await ctx.archive.addJson(
      `${ctx.coalition!.folder}/bill-positions.json`,
      rows.map((r) => ({
        bill: {
          id: r.bill_id,
          jurisdiction: r.jurisdiction,
          session: r.session,
          identifier: r.identifier,
          title: r.title,
        },
        stance: r.stance,
        rationale: r.rationale,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
        recordedBy: r.decided_by_user,
        updatedAt: iso(r.updated_at as Date),
      })),
    );
    await ctx.progress(1, `Bill positions in ${ctx.coalition!.name}`);
    return rows.length;
  }
}
