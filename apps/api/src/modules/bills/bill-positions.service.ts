import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { positionConflict } from '@coalesce/domain';
import type {
  BillPositionDto,
  BillPositionInput,
  CoordinationAlertsDto,
  PositionsMatrixDto,
} from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { positionDto } from './bill-dto.js';
import type { PositionRow } from './bill-row.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BillsRepository } from './bills.repository.js';
import { BillsService } from './bills.service.js';

const conflictOf = (rows: PositionRow[]) =>
  positionConflict(rows.map((p) => ({ organizationId: p.organization_id, stance: p.stance })));

/** Each member organization's position on a bill, the bills x organizations matrix, and conflicts. */
@Injectable()
export class BillPositionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly bills: BillsService,
    private readonly repo: BillsRepository,
    private readonly alerts: BillAlertsService,
    private readonly live: LiveEvents,
    private readonly audit: AuditLogService,
  ) {}

  /** Sets the caller's organization's position (one per organization and bill). */
  async set(
    user: AuthUser,
    coalitionId: string,
    billId: string,
    input: BillPositionInput,
    meta: RequestMeta,
  ): Promise<BillPositionDto> {
    const { before, after } = await this.db.transaction(async (m) => {
      await this.bills.mustFind(m, coalitionId, billId);
      const previous = await this.repo.positions(m, [billId]);
      await m.query(
        `INSERT INTO bill_positions (bill_id, organization_id, stance, rationale, decided_by, decided_at, decided_by_user_id, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, now())
         ON CONFLICT (bill_id, organization_id) DO UPDATE SET stance = EXCLUDED.stance, rationale = EXCLUDED.rationale,
           decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at,
           decided_by_user_id = EXCLUDED.decided_by_user_id, updated_at = now()`,
        [
          billId,
          user.organizationId,
          input.stance,
          input.rationale ?? null,
          input.decidedBy ?? user.name,
          input.decidedAt ?? new Date().toISOString().slice(0, 10),
          user.id,
        ],
      );
      await this.audit.record(
        {
          action: 'bill.position-set',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          target: { type: 'bill', id: billId },
          ip: meta.ip,
          details: { stance: input.stance },
        },
        m,
      );
      return { before: previous, after: await this.repo.positions(m, [billId]) };
    });
    this.live.entityChanged({
      coalitionId,
      type: 'bill-position',
      id: billId,
      action: 'updated',
      parentId: billId,
    });
    void this.alerts.raise(
      coalitionId,
      { kind: 'bill-position-changed', billId, organizationId: user.organizationId },
      user.id,
    );
    const conflict = conflictOf(after);
    if (conflict && !conflictOf(before)) {
      void this.alerts.raise(
        coalitionId,
        {
          kind: 'bill-position-conflict',
          billId,
          organizationIds: [...conflict.supporting, ...conflict.opposing],
        },
        user.id,
      );
    }
    return positionDto(after.find((p) => p.organization_id === user.organizationId)!);
  }

  async matrix(coalitionId: string): Promise<PositionsMatrixDto> {
    const m = this.db.manager;
    const organizations: Array<{ id: string; name: string; role: string }> = await m.query(
      `SELECT o.id, o.name, cm.role FROM coalition_members cm JOIN organizations o ON o.id = cm.organization_id
        WHERE cm.coalition_id = $1 ORDER BY o.name`,
      [coalitionId],
    );
    const bills: Array<{
      id: string;
      identifier: string;
      title: string;
      stage: PositionsMatrixDto['rows'][number]['bill']['stage'];
    }> = await m.query(
      `SELECT id, identifier, title, stage FROM bills WHERE coalition_id = $1
          ORDER BY watched DESC, last_action_date DESC NULLS LAST, identifier LIMIT 500`,
      [coalitionId],
    );
    const positions = await this.repo.positions(
      m,
      bills.map((b) => b.id),
    );
    return {
      organizations,
      rows: bills.map((bill) => {
        const mine = positions.filter((p) => p.bill_id === bill.id);
        return {
          bill,
          positions: Object.fromEntries(mine.map((p) => [p.organization_id, positionDto(p)])),
          conflict: conflictOf(mine),
        };
      }),
    };
  }

  async conflictAlerts(coalitionId: string): Promise<CoordinationAlertsDto['conflicts']> {
    const matrix = await this.matrix(coalitionId);
    const names = new Map(matrix.organizations.map((o) => [o.id, o.name]));
    const org = (id: string) => ({ id, name: names.get(id) ?? '' });
    return matrix.rows
      .filter((r) => r.conflict)
      .map((r) => ({
        bill: { id: r.bill.id, identifier: r.bill.identifier, title: r.bill.title },
        supporting: r.conflict!.supporting.map(org),
        opposing: r.conflict!.opposing.map(org),
      }));
  }
}
