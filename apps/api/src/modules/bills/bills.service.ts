import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { deriveBillStage } from '@coalesce/domain';
import type { ActionActor, BillStage } from '@coalesce/domain';
import type {
  BillActionCreate,
  BillCreate,
  BillDto,
  BillListQuery,
  BillSummaryDto,
  BillUpdate,
  BillWatch,
} from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { actionDto, billDetailFields, billSummaryDto } from './bill-dto.js';
import type { BillRow } from './bill-row.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BillsRepository } from './bills.repository.js';
import { CalendarService } from './calendar.service.js';
import { MeetingsService } from './meetings.service.js';

export interface StageChange {
  from: BillStage;
  to: BillStage;
}

/** Bills of a coalition: manual entry, append-only actions with the derived stage, watchlist, lead org. */
@Injectable()
export class BillsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bills: BillsRepository,
    private readonly meetings: MeetingsService,
    private readonly calendar: CalendarService,
    private readonly alerts: BillAlertsService,
    private readonly live: LiveEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(user: AuthUser, coalitionId: string, input: BillCreate): Promise<BillDto> {
    const id = await this.db.transaction(async (m) => {
      if (await this.bills.findForImport(m, coalitionId, { ...input, externalIds: {} }))
        throw AppError.conflict(
          `${input.identifier} of ${input.jurisdiction} session ${input.session} is already tracked.`,
          'identifier',
        );
      const billId = await this.bills.insert(m, coalitionId, user.organizationId, input);
      await this.recomputeStage(m, coalitionId, billId);
      await this.follow(m, billId, user.id);
      return billId;
    });
    this.live.entityChanged({ coalitionId, type: 'bill', id, action: 'created' });
    return this.get(user, coalitionId, id);
  }

  async update(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    input: BillUpdate,
  ): Promise<BillDto> {
    const change = await this.db.transaction(async (m) => {
      const bill = await this.mustFind(m, coalitionId, billId);
      const next = { ...bill, ...input };
      if (
        input.identifier !== undefined ||
        input.jurisdiction !== undefined ||
        input.session !== undefined
      ) {
        const clash = await this.bills.findForImport(m, coalitionId, {
          jurisdiction: next.jurisdiction,
          session: next.session,
          identifier: next.identifier,
          externalIds: {},
        });
        if (clash && clash.id !== billId)
          throw AppError.conflict('Another tracked bill has this identifier.', 'identifier');
      }
      await this.bills.update(m, billId, input);
      return this.recomputeStage(m, coalitionId, billId);
    });
    this.afterChange(user, coalitionId, billId, change);
    return this.get(user, coalitionId, billId);
  }

  async list(user: AuthUser, coalitionId: string, query: BillListQuery): Promise<BillSummaryDto[]> {
    const rows = await this.bills.list(this.db.manager, coalitionId, query);
    return this.summaries(this.db.manager, user, rows);
  }

  async get(user: AuthUser, coalitionId: string, billId: string): Promise<BillDto> {
    const m = this.db.manager;
    const bill = await this.mustFind(m, coalitionId, billId);
    const actions = await this.bills.actions(m, [billId]);
    const [summary] = await this.summaries(m, user, [bill]);
    return {
      ...summary,
      ...billDetailFields(bill),
      actions: actions.map(actionDto),
      documents: await this.bills.linkedDocuments(m, billId, user.organizationId),
      meetings: await this.meetings.list(user, coalitionId, { billId }),
      calendarEvents: await this.calendar.list(coalitionId, billId),
    };
  }

  /** Appends one action (actions are never edited) and re-derives the stage. */
  async appendAction(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    action: BillActionCreate,
  ): Promise<BillDto> {
    const change = await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      await this.bills.appendActions(m, billId, [action], user.id);
      return this.recomputeStage(m, coalitionId, billId);
    });
    void this.alerts.raise(coalitionId, { kind: 'bill-action-added', billId }, user.id);
    this.afterChange(user, coalitionId, billId, change);
    return this.get(user, coalitionId, billId);
  }

  async setWatch(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    watch: BillWatch,
  ): Promise<BillDto> {
    await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      await this.bills.setWatch(m, billId, {
        watched: watch.watched,
        priority: watch.watched ? watch.priority : null,
        tags: watch.tags,
      });
    });
    this.live.entityChanged({ coalitionId, type: 'bill', id: billId, action: 'updated' });
    return this.get(user, coalitionId, billId);
  }

  /** Links a document of the coalition that the caller's organization may see. */
  async linkDocument(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    documentId: string,
  ): Promise<BillDto> {
    await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      const doc: Array<{ coalition_id: string }> = await m.query(
        'SELECT coalition_id FROM documents WHERE id = $1 AND deleted_at IS NULL',
        [documentId],
      );
      const visible =
        doc[0]?.coalition_id === coalitionId
          ? await this.bills.linkedDocumentsCandidate(m, documentId, user.organizationId)
          : false;
      if (!visible)
        throw AppError.validation([
          { path: 'documentId', message: 'No such document in this coalition that you may see.' },
        ]);
      await m.query(
        `INSERT INTO bill_documents (bill_id, document_id, linked_by_org_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [billId, documentId, user.organizationId],
      );
    });
    this.live.entityChanged({ coalitionId, type: 'bill', id: billId, action: 'updated' });
    return this.get(user, coalitionId, billId);
  }

  async unlinkDocument(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    documentId: string,
  ): Promise<BillDto> {
    await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      await m.query('DELETE FROM bill_documents WHERE bill_id = $1 AND document_id = $2', [
        billId,
        documentId,
      ]);
    });
    this.live.entityChanged({ coalitionId, type: 'bill', id: billId, action: 'updated' });
    return this.get(user, coalitionId, billId);
  }

  async setFollowing(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    following: boolean,
  ): Promise<BillDto> {
    await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      if (following) await this.follow(m, billId, user.id);
      else
        await m.query('DELETE FROM bill_followers WHERE bill_id = $1 AND user_id = $2', [
          billId,
          user.id,
        ]);
    });
    return this.get(user, coalitionId, billId);
  }

  async setLead(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    organizationId: string | null,
    meta: RequestMeta,
  ): Promise<BillDto> {
    await this.db.transaction(async (m) => {
      await this.mustFind(m, coalitionId, billId);
      if (organizationId) {
        const member = await m.query(
          'SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
          [coalitionId, organizationId],
        );
        if (!member.length)
          throw AppError.validation([
            {
              path: 'organizationId',
              message: 'This organization is not a member of the coalition.',
            },
          ]);
      }
      await this.bills.setLead(m, billId, organizationId);
      await this.audit.record(
        {
          action: 'bill.lead-assigned',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          target: { type: 'bill', id: billId },
          ip: meta.ip,
          details: { organizationId },
        },
        m,
      );
    });
    this.live.entityChanged({ coalitionId, type: 'bill', id: billId, action: 'updated' });
    return this.get(user, coalitionId, billId);
  }

  /** Re-derives the stage from all actions; the stored stage never moves backwards. */
  async recomputeStage(
    m: EntityManager,
    coalitionId: string,
    billId: string,
  ): Promise<StageChange> {
    const bill = await this.mustFind(m, coalitionId, billId);
    const actions = await this.bills.actions(m, [billId]);
    const derived = deriveBillStage(
      actions.map((a) => ({
        date: a.date,
        actor: a.actor as ActionActor | null,
        classifications: a.classifications,
      })),
      {
        originChamber: bill.origin_chamber,
        sessionEnded: bill.session_ended,
        sessionEndDate: bill.session_end_date,
      },
    );
    await this.bills.saveStage(m, billId, derived);
    return { from: bill.stage, to: derived.stage };
  }

  async mustFind(m: EntityManager, coalitionId: string, billId: string): Promise<BillRow> {
    const bill = await this.bills.find(m, coalitionId, billId);
    if (!bill) throw AppError.notFound('Bill');
    return bill;
  }

  /** Announces a committed change and raises a stage alert when the stage moved. */
  afterChange(user: AuthUser, coalitionId: string, billId: string, change: StageChange): void {
    this.live.entityChanged({ coalitionId, type: 'bill', id: billId, action: 'updated' });
    if (change.from !== change.to)
      void this.alerts.raise(
        coalitionId,
        { kind: 'bill-stage-changed', billId, from: change.from, to: change.to },
        user.id,
      );
  }

  private async follow(m: EntityManager, billId: string, userId: string): Promise<void> {
    await m.query(
      'INSERT INTO bill_followers (bill_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [billId, userId],
    );
  }

  private async summaries(
    m: EntityManager,
    user: AuthUser,
    rows: BillRow[],
  ): Promise<BillSummaryDto[]> {
    const ids = rows.map((r) => r.id);
    const [positions, following, lastActions] = [
      await this.bills.positions(m, ids),
      await this.bills.followedBy(m, user.id, ids),
      await this.bills.actions(m, ids),
    ];
    const last = new Map(lastActions.map((a) => [a.bill_id, a]));
    return rows.map((b) => billSummaryDto(b, positions, last.get(b.id), following.has(b.id)));
  }
}
