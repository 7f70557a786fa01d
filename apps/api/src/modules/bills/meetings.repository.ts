import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface MeetingRow {
  id: string;
  coalition_id: string;
  office: string;
  office_key: string;
  legislator: string | null;
  starts_at: Date;
  ends_at: Date | null;
  attendees: string[];
  ask: string | null;
  notes: string | null;
  follow_ups: string[];
  created_by_org_id: string;
  created_by_org_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface MeetingFields {
  office: string;
  officeKey: string;
  legislator: string | null;
  startsAt: string;
  endsAt: string | null;
  attendees: string[];
  ask: string | null;
  notes: string | null;
  followUps: string[];
}

const SELECT = `
  SELECT m.*, o.name AS created_by_org_name
    FROM meetings m JOIN organizations o ON o.id = m.created_by_org_id`;

/** SQL for meetings, their attending organizations, bills and per-organization private notes. */
@Injectable()
export class MeetingsRepository {
  async find(m: EntityManager, coalitionId: string, meetingId: string): Promise<MeetingRow | null> {
    const rows: MeetingRow[] = await m.query(`${SELECT} WHERE m.id = $1 AND m.coalition_id = $2`, [
      meetingId,
      coalitionId,
    ]);
    return rows[0] ?? null;
  }

  async list(
    m: EntityManager,
    coalitionId: string,
    filter: { billId?: string; from?: Date } = {},
  ): Promise<MeetingRow[]> {
    const params: unknown[] = [coalitionId];
    let where = 'm.coalition_id = $1';
    if (filter.billId) {
      params.push(filter.billId);
      where += ` AND EXISTS (SELECT 1 FROM meeting_bills mb WHERE mb.meeting_id = m.id AND mb.bill_id = $${params.length})`;
    }
    if (filter.from) {
      params.push(filter.from);
      where += ` AND m.starts_at >= $${params.length}`;
    }
    return m.query(`${SELECT} WHERE ${where} ORDER BY m.starts_at LIMIT 2000`, params);
  }

  async insert(
    m: EntityManager,
    coalitionId: string,
    org: string,
    userId: string,
    f: MeetingFields,
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO meetings (coalition_id, office, office_key, legislator, starts_at, ends_at, attendees, ask, notes,
                             follow_ups, created_by_org_id, created_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $11, $12) RETURNING id`,
      [
        coalitionId,
        f.office,
        f.officeKey,
        f.legislator,
        f.startsAt,
        f.endsAt,
        JSON.stringify(f.attendees),
        f.ask,
        f.notes,
        JSON.stringify(f.followUps),
        org,
        userId,
      ],
    );
    return rows[0].id;
  }

  async update(m: EntityManager, meetingId: string, f: MeetingFields): Promise<void> {
    await m.query(
      `UPDATE meetings SET office = $2, office_key = $3, legislator = $4, starts_at = $5, ends_at = $6,
              attendees = $7::jsonb, ask = $8, notes = $9, follow_ups = $10::jsonb, updated_at = now()
        WHERE id = $1`,
      [
        meetingId,
        f.office,
        f.officeKey,
        f.legislator,
        f.startsAt,
        f.endsAt,
        JSON.stringify(f.attendees),
        f.ask,
        f.notes,
        JSON.stringify(f.followUps),
      ],
    );
  }

  async setOrganizations(m: EntityManager, meetingId: string, orgIds: string[]): Promise<void> {
    await m.query('DELETE FROM meeting_organizations WHERE meeting_id = $1', [meetingId]);
    for (const orgId of orgIds)
      await m.query(
        'INSERT INTO meeting_organizations (meeting_id, organization_id) VALUES ($1, $2)',
        [meetingId, orgId],
      );
  }

  async setBills(m: EntityManager, meetingId: string, billIds: string[]): Promise<void> {
    await m.query('DELETE FROM meeting_bills WHERE meeting_id = $1', [meetingId]);
    for (const billId of billIds)
      await m.query('INSERT INTO meeting_bills (meeting_id, bill_id) VALUES ($1, $2)', [
        meetingId,
        billId,
      ]);
  }

  async setPrivateNotes(
    m: EntityManager,
    meetingId: string,
    orgId: string,
    notes: string | null,
  ): Promise<void> {
    if (!notes) {
      await m.query(
        'DELETE FROM meeting_private_notes WHERE meeting_id = $1 AND organization_id = $2',
        [meetingId, orgId],
      );
      return;
    }
    await m.query(
      `INSERT INTO meeting_private_notes (meeting_id, organization_id, notes) VALUES ($1, $2, $3)
       ON CONFLICT (meeting_id, organization_id) DO UPDATE SET notes = EXCLUDED.notes`,
      [meetingId, orgId, notes],
    );
  }

  async organizations(
    m: EntityManager,
    meetingIds: string[],
  ): Promise<Array<{ meeting_id: string; id: string; name: string }>> {
    if (!meetingIds.length) return [];
    return m.query(
      `SELECT mo.meeting_id, o.id, o.name FROM meeting_organizations mo JOIN organizations o ON o.id = mo.organization_id
        WHERE mo.meeting_id = ANY($1::uuid[]) ORDER BY o.name`,
      [meetingIds],
    );
  }

  async bills(
    m: EntityManager,
    meetingIds: string[],
  ): Promise<Array<{ meeting_id: string; id: string; identifier: string; title: string }>> {
    if (!meetingIds.length) return [];
    return m.query(
      `SELECT mb.meeting_id, b.id, b.identifier, b.title FROM meeting_bills mb JOIN bills b ON b.id = mb.bill_id
        WHERE mb.meeting_id = ANY($1::uuid[]) ORDER BY b.identifier`,
      [meetingIds],
    );
  }

  async privateNotes(
    m: EntityManager,
    meetingIds: string[],
    orgId: string,
  ): Promise<Map<string, string>> {
    if (!meetingIds.length) return new Map();
    const rows: Array<{ meeting_id: string; notes: string }> = await m.query(
      'SELECT meeting_id, notes FROM meeting_private_notes WHERE meeting_id = ANY($1::uuid[]) AND organization_id = $2',
      [meetingIds, orgId],
    );
    return new Map(rows.map((r) => [r.meeting_id, r.notes]));
  }
}
