import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { DerivedStage } from '@coalesce/domain';
import type { BillActionCreate, BillCreate, BillListQuery } from '@coalesce/protocol';
import { ACTION_SELECT, BILL_SELECT, POSITION_SELECT } from './bill-row.js';
import type { BillActionRow, BillRow, PositionRow } from './bill-row.js';

/** Columns of the descriptive bill fields, and whether they are stored as jsonb. */
const FIELD_COLUMNS: Record<keyof BillCreate, [column: string, json: boolean]> = {
  jurisdiction: ['jurisdiction', false],
  session: ['session', false],
  identifier: ['identifier', false],
  type: ['type', false],
  originChamber: ['origin_chamber', false],
  title: ['title', false],
  shortTitles: ['short_titles', true],
  subjects: ['subjects', true],
  introducedAt: ['introduced_at', false],
  sessionEnded: ['session_ended', false],
  sessionEndDate: ['session_end_date', false],
  externalIds: ['external_ids', true],
  sources: ['sources', true],
  sponsorships: ['sponsorships', true],
  versions: ['versions', true],
  votes: ['votes', true],
};

const SORTS: Record<BillListQuery['sort'], string> = {
  'last-action': 'b.last_action_date',
  identifier: 'b.identifier',
  priority: `CASE b.priority WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`,
  updated: 'b.updated_at',
};

/** SQL for bills, their append-only actions and positions. Callers pass a manager (maybe a transaction's). */
@Injectable()
export class BillsRepository {
  async find(m: EntityManager, coalitionId: string, billId: string): Promise<BillRow | null> {
    const rows: BillRow[] = await m.query(
      `${BILL_SELECT} WHERE b.id = $1 AND b.coalition_id = $2`,
      [billId, coalitionId],
    );
    return rows[0] ?? null;
  }

  /** Bills matched by an external id first, then by jurisdiction, session and identifier. */
  async findForImport(
    m: EntityManager,
    coalitionId: string,
    bill: Pick<BillCreate, 'jurisdiction' | 'session' | 'identifier' | 'externalIds'>,
  ): Promise<BillRow | null> {
    const ext = bill.externalIds ?? {};
    for (const key of ['openStates', 'congressGov', 'legiscan'] as const) {
      const value = ext[key];
      if (!value) continue;
      const rows: BillRow[] = await m.query(
        `${BILL_SELECT} WHERE b.coalition_id = $1 AND b.external_ids ->> '${key}' = $2`,
        [coalitionId, value],
      );
      if (rows[0]) return rows[0];
    }
    const rows: BillRow[] = await m.query(
      `${BILL_SELECT} WHERE b.coalition_id = $1 AND b.jurisdiction = $2 AND b.session = $3 AND b.identifier = $4`,
      [coalitionId, bill.jurisdiction, bill.session, bill.identifier],
    );
    return rows[0] ?? null;
  }

  async list(m: EntityManager, coalitionId: string, query: BillListQuery): Promise<BillRow[]> {
    const where = ['b.coalition_id = $1'];
    const params: unknown[] = [coalitionId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.q) {
      const like = param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const like2 = param(`%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(b.title ILIKE ${like} OR b.identifier ILIKE ${like2})`);
    }
    if (query.stage) where.push(`b.stage = ${param(query.stage)}`);
    if (query.jurisdiction) where.push(`b.jurisdiction = ${param(query.jurisdiction)}`);
    if (query.tag) where.push(`b.tags ? ${param(query.tag)}`);
    if (query.leadOrgId) where.push(`b.lead_org_id = ${param(query.leadOrgId)}`);
    if (query.watched !== undefined) where.push(`b.watched = ${param(query.watched)}`);
    if (query.stance) {
      const stance = param(query.stance);
      const org = query.positionOrgId
        ? ` AND p.organization_id = ${param(query.positionOrgId)}`
        : '';
      where.push(
        `EXISTS (SELECT 1 FROM bill_positions p WHERE p.bill_id = b.id AND p.stance = ${stance}${org})`,
      );
    }
    const order = query.order === 'asc' ? 'ASC' : 'DESC';
    return m.query(
      `${BILL_SELECT} WHERE ${where.join(' AND ')}
        ORDER BY ${SORTS[query.sort]} ${order} NULLS LAST, b.identifier ASC LIMIT 500`,
      params,
    );
  }

  async insert(
    m: EntityManager,
    coalitionId: string,
    orgId: string,
    bill: BillCreate,
  ): Promise<string> {
    const entries = Object.entries(FIELD_COLUMNS) as Array<[keyof BillCreate, [string, boolean]]>;
    const columns = ['coalition_id', 'created_by_org_id', ...entries.map(([, [c]]) => c)];
    const values = [coalitionId, orgId, ...entries.map(([k, [, json]]) => toDb(bill[k], json))];
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO bills (${columns.join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      values,
    );
    return rows[0].id;
  }

  async update(m: EntityManager, billId: string, fields: Partial<BillCreate>): Promise<void> {
    const sets: string[] = [];
    const params: unknown[] = [billId];
    for (const [key, value] of Object.entries(fields) as Array<[keyof BillCreate, unknown]>) {
      if (value === undefined) continue;
      const [column, json] = FIELD_COLUMNS[key];
      params.push(toDb(value, json));
      sets.push(`${column} = $${params.length}`);
    }
    if (!sets.length) return;
    await m.query(`UPDATE bills SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, params);
  }

  async setWatch(
    m: EntityManager,
    billId: string,
    watch: { watched: boolean; priority: string | null; tags: string[] },
  ): Promise<void> {
    await m.query(
      'UPDATE bills SET watched = $2, priority = $3, tags = $4::jsonb, updated_at = now() WHERE id = $1',
      [billId, watch.watched, watch.priority, JSON.stringify(watch.tags)],
    );
  }

  async setLead(m: EntityManager, billId: string, orgId: string | null): Promise<void> {
    await m.query('UPDATE bills SET lead_org_id = $2, updated_at = now() WHERE id = $1', [
      billId,
      orgId,
    ]);
  }

  async saveStage(m: EntityManager, billId: string, derived: DerivedStage): Promise<void> {
    await m.query(
      'UPDATE bills SET stage = $2, stage_dates = $3::jsonb, last_action_date = $4, updated_at = now() WHERE id = $1',
      [billId, derived.stage, JSON.stringify(derived.stageDates), derived.lastActionDate],
    );
  }

  async actions(m: EntityManager, billIds: string[]): Promise<BillActionRow[]> {
    if (!billIds.length) return [];
    return m.query(`${ACTION_SELECT} WHERE bill_id = ANY($1::uuid[]) ORDER BY date, seq`, [
      billIds,
    ]);
  }

  /** Appends actions after the bill's last one (lock the bill row first to keep seqs unique). */
  async appendActions(
    m: EntityManager,
    billId: string,
    actions: BillActionCreate[],
    userId: string | null,
  ): Promise<void> {
    if (!actions.length) return;
    await m.query('SELECT id FROM bills WHERE id = $1 FOR UPDATE', [billId]);
    const [{ max }]: Array<{ max: number | null }> = await m.query(
      'SELECT max(seq) AS max FROM bill_actions WHERE bill_id = $1',
      [billId],
    );
    let seq = Number(max ?? 0);
    for (const a of actions) {
      seq += 1;
      await m.query(
        `INSERT INTO bill_actions (bill_id, seq, date, actor, actor_name, text, classifications, created_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8)`,
        [
          billId,
          seq,
          a.date,
          a.actor,
          a.actorName ?? null,
          a.text,
          JSON.stringify(a.classifications),
          userId,
        ],
      );
    }
  }

  async positions(m: EntityManager, billIds: string[]): Promise<PositionRow[]> {
    if (!billIds.length) return [];
    return m.query(`${POSITION_SELECT} WHERE p.bill_id = ANY($1::uuid[]) ORDER BY o.name`, [
      billIds,
    ]);
  }

  /** Documents linked to the bill that organization `orgId` may see (the documents' own sharing rule). */
  async linkedDocuments(
    m: EntityManager,
    billId: string,
    orgId: string,
  ): Promise<Array<{ id: string; title: string; kind: string }>> {
    return m.query(
      `SELECT d.id, d.title, d.kind FROM bill_documents bd JOIN documents d ON d.id = bd.document_id
        WHERE bd.bill_id = $1 AND d.deleted_at IS NULL
          AND (d.owner_org_id = $2 OR (NOT d.is_private AND (d.coalition_permission IS NOT NULL
               OR EXISTS (SELECT 1 FROM document_shares s WHERE s.document_id = d.id AND s.organization_id = $3))))
        ORDER BY d.title`,
      [billId, orgId, orgId],
    );
  }

  /** Whether organization `orgId` may see the document (to link it). */
  async linkedDocumentsCandidate(
    m: EntityManager,
    documentId: string,
    orgId: string,
  ): Promise<boolean> {
    const rows = await m.query(
      `SELECT 1 FROM documents d WHERE d.id = $1 AND d.deleted_at IS NULL
          AND (d.owner_org_id = $2 OR (NOT d.is_private AND (d.coalition_permission IS NOT NULL
               OR EXISTS (SELECT 1 FROM document_shares s WHERE s.document_id = d.id AND s.organization_id = $3))))`,
      [documentId, orgId, orgId],
    );
    return rows.length > 0;
  }

  async followedBy(m: EntityManager, userId: string, billIds: string[]): Promise<Set<string>> {
    if (!billIds.length) return new Set();
    const rows: Array<{ bill_id: string }> = await m.query(
      'SELECT bill_id FROM bill_followers WHERE user_id = $1 AND bill_id = ANY($2::uuid[])',
      [userId, billIds],
    );
    return new Set(rows.map((r) => r.bill_id));
  }
}

function toDb(value: unknown, json: boolean): unknown {
  if (value === undefined) return null;
  return json ? JSON.stringify(value) : value;
}
