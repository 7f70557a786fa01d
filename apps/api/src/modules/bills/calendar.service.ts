import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CalendarEventKind } from '@coalesce/domain';
import type { CalendarEventCreate, CalendarEventDto } from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { toIcs } from './ics.js';

interface EventRow {
  id: string;
  kind: CalendarEventKind;
  title: string;
  starts_at: Date;
  ends_at: Date | null;
  location: string | null;
  bill_id: string | null;
  bill_identifier: string | null;
  notes: string | null;
  updated_at: Date;
}

/** Hearings, markups, floor votes and deadlines of a coalition, and their ICS export (with meetings). */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly live: LiveEvents,
  ) {}

  async create(
    user: AuthUser,
    coalitionId: string,
    input: CalendarEventCreate,
  ): Promise<CalendarEventDto> {
    if (input.billId) {
      const bill = await this.db.query('SELECT 1 FROM bills WHERE id = $1 AND coalition_id = $2', [
        input.billId,
        coalitionId,
      ]);
      if (!bill.length)
        throw AppError.validation([{ path: 'billId', message: 'No such bill in this coalition.' }]);
    }
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO calendar_events (coalition_id, kind, title, starts_at, ends_at, location, bill_id, notes, created_by_org_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        coalitionId,
        input.kind,
        input.title,
        input.startsAt,
        input.endsAt ?? null,
        input.location ?? null,
        input.billId ?? null,
        input.notes ?? null,
        user.organizationId,
      ],
    );
    const id = rows[0].id;
    this.live.entityChanged({ coalitionId, type: 'calendar-event', id, action: 'created' });
    const [dto] = (await this.rows(coalitionId, { id })).map(toDto);
    return dto;
  }

  async remove(coalitionId: string, eventId: string): Promise<void> {
    const rows: Array<{ id: string }> = await this.db.query(
      'DELETE FROM calendar_events WHERE id = $1 AND coalition_id = $2 RETURNING id',
      [eventId, coalitionId],
    );
    if (!rows.length) throw AppError.notFound('Calendar event');
    this.live.entityChanged({
      coalitionId,
      type: 'calendar-event',
      id: eventId,
      action: 'deleted',
    });
  }

  async list(coalitionId: string, billId?: string): Promise<CalendarEventDto[]> {
    return (await this.rows(coalitionId, { billId })).map(toDto);
  }

  /** The coalition's hearings, deadlines and meetings as an iCalendar file. */
  async ics(coalitionId: string): Promise<string> {
    const [coalition]: Array<{ name: string }> = await this.db.query(
      'SELECT name FROM coalitions WHERE id = $1',
      [coalitionId],
    );
    const events = await this.rows(coalitionId, {});
    const meetings: Array<{
      id: string;
      office: string;
      starts_at: Date;
      ends_at: Date | null;
      ask: string | null;
      updated_at: Date;
      orgs: string | null;
    }> = await this.db.query(
      `SELECT m.id, m.office, m.starts_at, m.ends_at, m.ask, m.updated_at,
              (SELECT string_agg(o.name, ', ' ORDER BY o.name) FROM meeting_organizations mo
                 JOIN organizations o ON o.id = mo.organization_id WHERE mo.meeting_id = m.id) AS orgs
         FROM meetings m WHERE m.coalition_id = $1 ORDER BY m.starts_at`,
      [coalitionId],
    );
    return toIcs(`${coalition?.name ?? 'Coalition'}: hearings, deadlines and meetings`, [
      ...events.map((e) => ({
        uid: `calendar-event-${e.id}@coalesce`,
        start: e.starts_at,
        end: e.ends_at,
        summary: `${e.kind === 'deadline' ? 'Deadline' : e.kind[0].toUpperCase() + e.kind.slice(1)}: ${e.title}${e.bill_identifier ? ` (${e.bill_identifier})` : ''}`,
        location: e.location,
        description: e.notes,
        updated: e.updated_at,
      })),
      ...meetings.map((m) => ({
        uid: `meeting-${m.id}@coalesce`,
        start: m.starts_at,
        end: m.ends_at,
        summary: `Meeting: ${m.office}${m.orgs ? ` (${m.orgs})` : ''}`,
        description: m.ask ? `Ask: ${m.ask}` : null,
        updated: m.updated_at,
      })),
    ]);
  }

  private rows(coalitionId: string, filter: { id?: string; billId?: string }): Promise<EventRow[]> {
    const params: unknown[] = [coalitionId];
    let where = 'e.coalition_id = $1';
    if (filter.id) {
      params.push(filter.id);
      where += ` AND e.id = $${params.length}`;
    }
    if (filter.billId) {
      params.push(filter.billId);
      where += ` AND e.bill_id = $${params.length}`;
    }
    return this.db.query(
      `SELECT e.id, e.kind, e.title, e.starts_at, e.ends_at, e.location, e.bill_id, b.identifier AS bill_identifier,
              e.notes, e.updated_at
         FROM calendar_events e LEFT JOIN bills b ON b.id = e.bill_id
        WHERE ${where} ORDER BY e.starts_at LIMIT 2000`,
      params,
    );
  }
}

function toDto(e: EventRow): CalendarEventDto {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    startsAt: e.starts_at.toISOString(),
    endsAt: e.ends_at?.toISOString() ?? null,
    location: e.location,
    bill: e.bill_id ? { id: e.bill_id, identifier: e.bill_identifier ?? '' } : null,
    notes: e.notes,
    isPast: e.starts_at.getTime() < Date.now(),
  };
}
