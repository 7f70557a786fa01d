import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { findMeetingOverlaps, officeKey } from '@coalesce/domain';
import type { CoalitionRole, OverlapMeeting } from '@coalesce/domain';
import type {
  CoordinationAlertsDto,
  MeetingCreate,
  MeetingDto,
  MeetingOverlapCheck,
  MeetingOverlapDto,
  MeetingUpdate,
} from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BILLS_CONFIG } from './bills.config.js';
import type { BillsConfig } from './bills.config.js';
import { MeetingsRepository } from './meetings.repository.js';
import type { MeetingRow } from './meetings.repository.js';

interface Candidate extends OverlapMeeting {
  id: string;
  row: MeetingRow;
  orgs: Array<{ id: string; name: string }>;
}

/** Meetings with legislators' offices, and the overlap rule: another org in the same office within N days. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly meetings: MeetingsRepository,
    private readonly alerts: BillAlertsService,
    private readonly live: LiveEvents,
    @Inject(BILLS_CONFIG) private readonly config: BillsConfig,
  ) {}

  get overlapWindowDays(): number {
    return this.config.overlapWindowDays;
  }

  async create(user: AuthUser, coalitionId: string, input: MeetingCreate): Promise<MeetingDto> {
    const orgIds = unique([user.organizationId, ...input.organizationIds]);
    const id = await this.db.transaction(async (m) => {
      await this.checkReferences(m, coalitionId, input.organizationIds, input.billIds);
      const meetingId = await this.meetings.insert(m, coalitionId, user.organizationId, user.id, {
        office: input.office,
        officeKey: officeKey(input.office),
        legislator: input.legislator ?? null,
        startsAt: input.startsAt,
        endsAt: input.endsAt ?? null,
        attendees: input.attendees,
        ask: input.ask ?? null,
        notes: input.notes ?? null,
        followUps: input.followUps,
      });
      await this.meetings.setOrganizations(m, meetingId, orgIds);
      await this.meetings.setBills(m, meetingId, unique(input.billIds));
      await this.meetings.setPrivateNotes(
        m,
        meetingId,
        user.organizationId,
        input.privateNotes ?? null,
      );
      return meetingId;
    });
    const dto = await this.get(user, coalitionId, id);
    this.announce(user, coalitionId, dto, 'created');
    for (const bill of dto.bills)
      void this.alerts.raise(
        coalitionId,
        { kind: 'bill-meeting-added', billId: bill.id, meetingId: id },
        user.id,
      );
    return dto;
  }

  async update(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    meetingId: string,
    input: MeetingUpdate,
  ): Promise<MeetingDto> {
    await this.db.transaction(async (m) => {
      const row = await this.mustFind(m, coalitionId, meetingId);
      const orgs = (await this.meetings.organizations(m, [meetingId])).map((o) => o.id);
      const mayEdit =
        role === 'coordinator' ||
        row.created_by_org_id === user.organizationId ||
        orgs.includes(user.organizationId);
      if (!mayEdit)
        throw AppError.forbidden(
          'Only the attending organizations or a coordinator can change this meeting.',
        );
      const orgIds = input.organizationIds
        ? unique([row.created_by_org_id, ...input.organizationIds])
        : orgs;
      const billIds = input.billIds ? unique(input.billIds) : null;
      await this.checkReferences(m, coalitionId, input.organizationIds ?? [], billIds ?? []);
      const office = input.office ?? row.office;
      await this.meetings.update(m, meetingId, {
        office,
        officeKey: officeKey(office),
        legislator: input.legislator !== undefined ? input.legislator : row.legislator,
        startsAt: input.startsAt ?? row.starts_at.toISOString(),
        endsAt: input.endsAt !== undefined ? input.endsAt : (row.ends_at?.toISOString() ?? null),
        attendees: input.attendees ?? row.attendees,
        ask: input.ask !== undefined ? input.ask : row.ask,
        notes: input.notes !== undefined ? input.notes : row.notes,
        followUps: input.followUps ?? row.follow_ups,
      });
      if (input.organizationIds) await this.meetings.setOrganizations(m, meetingId, orgIds);
      if (billIds) await this.meetings.setBills(m, meetingId, billIds);
      if (input.privateNotes !== undefined)
        await this.meetings.setPrivateNotes(m, meetingId, user.organizationId, input.privateNotes);
    });
    const dto = await this.get(user, coalitionId, meetingId);
    this.announce(user, coalitionId, dto, 'updated');
    return dto;
  }

  async get(user: AuthUser, coalitionId: string, meetingId: string): Promise<MeetingDto> {
    const row = await this.mustFind(this.db.manager, coalitionId, meetingId);
    const [dto] = await this.toDtos(user, coalitionId, [row]);
    return dto;
  }

  async list(
    user: AuthUser,
    coalitionId: string,
    filter: { upcoming?: boolean; billId?: string },
  ): Promise<MeetingDto[]> {
    const rows = await this.meetings.list(this.db.manager, coalitionId, {
      billId: filter.billId,
      from: filter.upcoming ? startOfToday() : undefined,
    });
    return this.toDtos(user, coalitionId, rows);
  }

  /** What saving a meeting like this would overlap (asked before saving). */
  async checkOverlaps(
    user: AuthUser,
    coalitionId: string,
    input: MeetingOverlapCheck,
  ): Promise<MeetingOverlapDto[]> {
    const all = await this.candidates(coalitionId);
    return this.overlapsOf(
      {
        id: input.meetingId ?? null,
        office: input.office,
        startsAt: input.startsAt,
        organizationIds: unique([user.organizationId, ...input.organizationIds]),
      },
      all,
    );
  }

  /** Upcoming meetings that overlap another org's, for the coordinator's dashboard. */
  async overlapAlerts(coalitionId: string): Promise<CoordinationAlertsDto['overlaps']> {
    const all = await this.candidates(coalitionId);
    const today = startOfToday().getTime();
    const result: CoordinationAlertsDto['overlaps'] = [];
    const seen = new Set<string>();
    for (const c of all) {
      if (c.row.starts_at.getTime() < today) continue;
      const overlaps = this.overlapsOf(c, all);
      if (!overlaps.length) continue;
      const pair = [c.id, ...overlaps.map((o) => o.meetingId)].sort().join();
      if (seen.has(pair)) continue;
      seen.add(pair);
      result.push({
        meeting: { id: c.id, office: c.office, startsAt: c.startsAt },
        organization: { id: c.row.created_by_org_id, name: c.row.created_by_org_name },
        with: overlaps,
      });
    }
    return result;
  }

  private overlapsOf(candidate: OverlapMeeting, all: Candidate[]): MeetingOverlapDto[] {
    return findMeetingOverlaps(candidate, all, this.config.overlapWindowDays).map((o) => ({
      meetingId: o.meeting.id,
      office: o.meeting.office,
      startsAt: o.meeting.startsAt,
      organizations: o.meeting.orgs,
      daysApart: o.daysApart,
    }));
  }

  private async candidates(coalitionId: string): Promise<Candidate[]> {
    const rows = await this.meetings.list(this.db.manager, coalitionId);
    const orgs = await this.meetings.organizations(
      this.db.manager,
      rows.map((r) => r.id),
    );
    return rows.map((row) => {
      const mine = orgs
        .filter((o) => o.meeting_id === row.id)
        .map((o) => ({ id: o.id, name: o.name }));
      return {
        id: row.id,
        row,
        office: row.office,
        startsAt: row.starts_at.toISOString(),
        organizationIds: mine.map((o) => o.id),
        orgs: mine,
      };
    });
  }

  private async toDtos(
    user: AuthUser,
    coalitionId: string,
    rows: MeetingRow[],
  ): Promise<MeetingDto[]> {
    const ids = rows.map((r) => r.id);
    const m = this.db.manager;
    const [orgs, bills, notes, all] = [
      await this.meetings.organizations(m, ids),
      await this.meetings.bills(m, ids),
      await this.meetings.privateNotes(m, ids, user.organizationId),
      await this.candidates(coalitionId),
    ];
    const now = Date.now();
    return rows.map((r) => {
      const organizations = orgs
        .filter((o) => o.meeting_id === r.id)
        .map(({ id, name }) => ({ id, name }));
      return {
        id: r.id,
        coalitionId: r.coalition_id,
        office: r.office,
        legislator: r.legislator,
        startsAt: r.starts_at.toISOString(),
        endsAt: r.ends_at?.toISOString() ?? null,
        isPast: r.starts_at.getTime() < now,
        bills: bills
          .filter((b) => b.meeting_id === r.id)
          .map(({ id, identifier, title }) => ({ id, identifier, title })),
        organizations,
        attendees: r.attendees,
        ask: r.ask,
        notes: r.notes,
        privateNotes: notes.get(r.id) ?? null,
        followUps: r.follow_ups,
        createdByOrg: { id: r.created_by_org_id, name: r.created_by_org_name },
        overlaps: this.overlapsOf(
          {
            id: r.id,
            office: r.office,
            startsAt: r.starts_at.toISOString(),
            organizationIds: organizations.map((o) => o.id),
          },
          all,
        ),
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      };
    });
  }

  private announce(
    user: AuthUser,
    coalitionId: string,
    dto: MeetingDto,
    action: 'created' | 'updated',
  ): void {
    this.live.entityChanged({ coalitionId, type: 'meeting', id: dto.id, action });
    if (dto.overlaps.length) {
      const organizationIds = unique([
        ...dto.organizations.map((o) => o.id),
        ...dto.overlaps.flatMap((o) => o.organizations.map((x) => x.id)),
      ]);
      void this.alerts.raise(
        coalitionId,
        { kind: 'meeting-overlap', meetingId: dto.id, organizationIds },
        user.id,
      );
    }
  }

  private async checkReferences(
    m: EntityManager,
    coalitionId: string,
    orgIds: string[],
    billIds: string[],
  ): Promise<void> {
    const members: Array<{ organization_id: string }> = await m.query(
      'SELECT organization_id FROM coalition_members WHERE coalition_id = $1 AND organization_id = ANY($2::uuid[])',
      [coalitionId, orgIds],
    );
    const known = new Set(members.map((r) => r.organization_id));
    const fields = orgIds
      .map((id, i) => ({ id, i }))
      .filter(({ id }) => !known.has(id))
      .map(({ i }) => ({
        path: `organizationIds.${i}`,
        message: 'Not a member organization of the coalition.',
      }));
    if (billIds.length) {
      const bills: Array<{ id: string }> = await m.query(
        'SELECT id FROM bills WHERE coalition_id = $1 AND id = ANY($2::uuid[])',
        [coalitionId, billIds],
      );
      const found = new Set(bills.map((b) => b.id));
      billIds.forEach((id, i) => {
        if (!found.has(id))
          fields.push({ path: `billIds.${i}`, message: 'No such bill in this coalition.' });
      });
    }
    if (fields.length) throw AppError.validation(fields);
  }

  private async mustFind(
    m: EntityManager,
    coalitionId: string,
    meetingId: string,
  ): Promise<MeetingRow> {
    const row = await this.meetings.find(m, coalitionId, meetingId);
    if (!row) throw AppError.notFound('Meeting');
    return row;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function startOfToday(): Date {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return d;
}
