import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

/** Meetings with legislators' offices that the organization logged or attended, with its private notes. */
@Injectable()
export class MeetingsSection implements OrgDataSection {
  readonly key = 'meetings';
  readonly label = 'Meetings';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'meetings.json':
      "Meetings the organization logged or attended: office, date, attendees, ask, notes, follow-ups, bills, and the organization's private notes.",
  };

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  size(): Promise<number> {
    return Promise.resolve(1);
  }

  async write(ctx: SectionContext): Promise<number> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT m.id, m.office, m.legislator, m.starts_at, m.ends_at, m.attendees, m.ask, m.notes,
              m.follow_ups, m.created_at, m.updated_at, m.created_by_org_id = $1 AS logged_by_us,
              cu.name AS created_by_user,
              (SELECT coalesce(json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name), '[]'::json)
                 FROM meeting_organizations mo JOIN organizations o ON o.id = mo.organization_id
                WHERE mo.meeting_id = m.id) AS organizations,
              (SELECT coalesce(json_agg(json_build_object('id', b.id, 'identifier', b.identifier, 'title', b.title)), '[]'::json)
                 FROM meeting_bills mb JOIN bills b ON b.id = mb.bill_id
                WHERE mb.meeting_id = m.id) AS bills,
              (SELECT n.notes FROM meeting_private_notes n
                WHERE n.meeting_id = m.id AND n.organization_id = $1) AS private_notes
         FROM meetings m
         LEFT JOIN users cu ON cu.id = m.created_by_user_id
        WHERE m.coalition_id = $2
          AND (m.created_by_org_id = $1 OR EXISTS (SELECT 1 FROM meeting_organizations mo
                WHERE mo.meeting_id = m.id AND mo.organization_id = $1))
        ORDER BY m.starts_at, m.id`,
      [ctx.organization.id, ctx.coalition!.id],
    );
    await ctx.archive.addJson(
      `${ctx.coalition!.folder}/meetings.json`,
      rows.map((r) => ({
        id: r.id,
        office: r.office,
        legislator: r.legislator,
        startsAt: iso(r.starts_at as Date),
        endsAt: iso(r.ends_at as Date | null),
        organizations: r.organizations,
        attendees: r.attendees,
        ask: r.ask,
        notes: r.notes,
        followUps: r.follow_ups,
        bills: r.bills,
        privateNotes: r.private_notes,
        loggedByUs: r.logged_by_us,
        loggedBy: r.created_by_user,
        createdAt: iso(r.created_at as Date),
        updatedAt: iso(r.updated_at as Date),
      })),
    );
    await ctx.progress(1, `Meetings in ${ctx.coalition!.name}`);
    return rows.length;
  }
}
