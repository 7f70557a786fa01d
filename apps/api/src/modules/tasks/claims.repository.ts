import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ClaimTargetKind } from '@coalesce/domain';
import type { ClaimDto } from '@coalesce/protocol';
import { returningRows } from '../../core/database/returning-rows.js';

type Db = Pick<EntityManager, 'query'>;

interface Row {
  id: string;
  coalition_id: string;
  target_kind: ClaimTargetKind;
  target_key: string;
  target_label: string;
  task_id: string | null;
  org_id: string;
  org_name: string;
  user_id: string | null;
  user_name: string | null;
  user_org_id: string | null;
  note: string;
  expires_at: Date;
  created_at: Date;
}

const SELECT = `
  SELECT c.id, c.coalition_id, c.target_kind, c.target_key, c.target_label, c.task_id,
         o.id AS org_id, o.name AS org_name, u.id AS user_id, u.name AS user_name,
         u.organization_id AS user_org_id, c.note, c.expires_at, c.created_at
    FROM claims c
    JOIN organizations o ON o.id = c.organization_id
    LEFT JOIN users u ON u.id = c.user_id`;

export interface ReleasedClaim {
  id: string;
  coalitionId: string;
  taskId: string | null;
  organizationId: string;
  userId: string | null;
  label: string;
}

/** The SQL of claims. A claim is live until it is released (by hand, hand-off, or expiry). */
@Injectable()
export class ClaimsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async live(coalitionId: string, now: Date, m: Db = this.db): Promise<ClaimDto[]> {
    const rows: Row[] = await m.query(
      `${SELECT} WHERE c.coalition_id = $1 AND c.released_at IS NULL AND c.expires_at > $2
        ORDER BY c.expires_at`,
      [coalitionId, now],
    );
    return rows.map(toDto);
  }

  async one(
    m: Db,
    coalitionId: string,
    id: string,
  ): Promise<(ClaimDto & { released: boolean }) | null> {
    const rows: Array<Row & { released_at: Date | null }> = await m.query(
      `${SELECT.replace('c.created_at', 'c.created_at, c.released_at')} WHERE c.coalition_id = $1 AND c.id = $2`,
      [coalitionId, id],
    );
    return rows[0] ? { ...toDto(rows[0]), released: rows[0].released_at !== null } : null;
  }

  async holderOf(
    m: Db,
    coalitionId: string,
    kind: ClaimTargetKind,
    key: string,
  ): Promise<ClaimDto | null> {
    const rows: Row[] = await m.query(
      `${SELECT} WHERE c.coalition_id = $1 AND c.target_kind = $2 AND c.target_key = $3 AND c.released_at IS NULL`,
      [coalitionId, kind, key],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  async insert(
    m: Db,
    c: {
      coalitionId: string;
      targetKind: ClaimTargetKind;
      targetKey: string;
      targetLabel: string;
      taskId: string | null;
      organizationId: string;
      userId: string | null;
      note: string;
      expiresAt: Date;
    },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO claims (coalition_id, target_kind, target_key, target_label, task_id, organization_id, user_id, note, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        c.coalitionId,
        c.targetKind,
        c.targetKey,
        c.targetLabel,
        c.taskId,
        c.organizationId,
        c.userId,
        c.note,
        c.expiresAt,
      ],
    );
    return rows[0].id;
  }

  async release(
    m: Db,
    id: string,
    reason: 'released' | 'expired' | 'handed_off',
    now: Date,
  ): Promise<boolean> {
    const rows = returningRows<{ id: string }>(
      await m.query(
        `UPDATE claims SET released_at = $1, release_reason = $2 WHERE id = $3 AND released_at IS NULL RETURNING id`,
        [now, reason, id],
      ),
    );
    return rows.length === 1;
  }

  /** Releases every live claim that ran out at `now`. */
  async releaseExpired(
    m: Db,
    now: Date,
    where = '',
    params: unknown[] = [],
  ): Promise<ReleasedClaim[]> {
    const rows = returningRows<{
      id: string;
      coalition_id: string;
      task_id: string | null;
      organization_id: string;
      user_id: string | null;
      target_label: string;
      target_key: string;
    }>(
      await m.query(
        `UPDATE claims SET released_at = $1, release_reason = 'expired'
          WHERE released_at IS NULL AND expires_at <= $2 ${where}
          RETURNING id, coalition_id, task_id, organization_id, user_id, target_label, target_key`,
        [now, now, ...params],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      coalitionId: r.coalition_id,
      taskId: r.task_id,
      organizationId: r.organization_id,
      userId: r.user_id,
      label: r.target_label || r.target_key,
    }));
  }

  /** Live claims that run out before `until` and whose claimant was not warned yet; marks them warned. */
  async takeExpiring(m: Db, now: Date, until: Date): Promise<ReleasedClaim[]> {
    const rows = returningRows<{
      id: string;
      coalition_id: string;
      task_id: string | null;
      organization_id: string;
      user_id: string | null;
      target_label: string;
      target_key: string;
    }>(
      await m.query(
        `UPDATE claims SET warned_at = $1
          WHERE released_at IS NULL AND warned_at IS NULL AND expires_at > $2 AND expires_at <= $3
          RETURNING id, coalition_id, task_id, organization_id, user_id, target_label, target_key`,
        [now, now, until],
      ),
    );
    return rows.map((r) => ({
      id: r.id,
      coalitionId: r.coalition_id,
      taskId: r.task_id,
      organizationId: r.organization_id,
      userId: r.user_id,
      label: r.target_label || r.target_key,
    }));
  }
}

function toDto(r: Row): ClaimDto {
  return {
    id: r.id,
    coalitionId: r.coalition_id,
    targetKind: r.target_kind,
    targetKey: r.target_key,
    targetLabel: r.target_label,
    taskId: r.task_id,
    organization: { id: r.org_id, name: r.org_name },
    user: r.user_id
      ? { id: r.user_id, name: r.user_name ?? '', organizationId: r.user_org_id ?? '' }
      : null,
    note: r.note,
    expiresAt: new Date(r.expires_at).toISOString(),
    createdAt: new Date(r.created_at).toISOString(),
  };
}
