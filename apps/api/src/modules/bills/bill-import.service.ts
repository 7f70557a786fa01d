import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type {
  BillCreate,
  BillImport,
  BillImportChange,
  BillImportPreviewDto,
  BillImportResultDto,
} from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { parseImport } from './bill-import-parsers.js';
import type { ImportedBill } from './bill-import-parsers.js';
import type { BillRow } from './bill-row.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BillsRepository } from './bills.repository.js';
import { BillsService } from './bills.service.js';
import type { StageChange } from './bills.service.js';

/** The stored value of a descriptive field, in the shape of BillCreate, for comparison. */
function storedValue(row: BillRow, key: keyof BillCreate): unknown {
  const map: Record<keyof BillCreate, unknown> = {
    jurisdiction: row.jurisdiction,
    session: row.session,
    identifier: row.identifier,
    type: row.type,
    originChamber: row.origin_chamber,
    title: row.title,
    shortTitles: row.short_titles,
    subjects: row.subjects,
    introducedAt: row.introduced_at,
    sessionEnded: row.session_ended,
    sessionEndDate: row.session_end_date,
    externalIds: row.external_ids,
    sources: row.sources,
    sponsorships: row.sponsorships,
    versions: row.versions,
    votes: row.votes,
  };
  return map[key];
}

/** Compares values as PostgreSQL jsonb would store them: key order and null/absent do not matter. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value ?? null;
}
const same = (a: unknown, b: unknown) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const actionKey = (a: { date: string; text: string }) => `${a.date}|${a.text}`;

interface Plan {
  item: ImportedBill;
  existing: BillRow | null;
  fields: Partial<BillCreate>;
  newActions: ImportedBill['actions'];
  change: BillImportChange;
}

/**
 * Imports bills from Open States JSON or CSV: a preview says what would change; apply does it in
 * one transaction, all or nothing. A bill is matched by an external id (Open States, congress.gov,
 * LegiScan), then by jurisdiction + session + identifier, so a re-import updates and never
 * duplicates; actions already on the bill (same date and text) are not appended again.
 */
@Injectable()
export class BillImportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: BillsRepository,
    private readonly bills: BillsService,
    private readonly alerts: BillAlertsService,
    private readonly live: LiveEvents,
    private readonly audit: AuditLogService,
  ) {}

  async preview(coalitionId: string, input: BillImport): Promise<BillImportPreviewDto> {
    const parsed = parseImport(input.format, input.content);
    const digest = digestOf(input);
    if (parsed.issues.length)
      return { ok: false, issues: parsed.issues, changes: [], summary: summarize([]), digest };
    const plans = await this.plan(this.db.manager, coalitionId, parsed.bills);
    const changes = plans.map((p) => p.change);
    return { ok: true, issues: [], changes, summary: summarize(changes), digest };
  }

  async apply(
    user: AuthUser,
    coalitionId: string,
    input: BillImport,
    meta: RequestMeta,
  ): Promise<BillImportResultDto> {
    if (input.previewDigest && input.previewDigest !== digestOf(input))
      throw AppError.conflict(
        'The file changed since the preview; preview it again.',
        'previewDigest',
      );
    const parsed = parseImport(input.format, input.content);
    if (parsed.issues.length) {
      throw AppError.validation(
        parsed.issues.map((i) => ({
          path: `line ${i.line}${i.field ? `: ${i.field}` : ''}`,
          message: i.message,
        })),
        'The file has errors; nothing was imported.',
      );
    }
    const { changes, stageChanges } = await this.db.transaction(async (m) => {
      const plans = await this.plan(m, coalitionId, parsed.bills);
      const stageChanges: Array<{ billId: string; change: StageChange; actionsAdded: boolean }> =
        [];
      for (const p of plans) {
        if (p.change.change === 'unchanged') continue;
        let billId = p.existing?.id;
        if (!billId)
          billId = await this.repo.insert(m, coalitionId, user.organizationId, p.item.bill);
        else await this.repo.update(m, billId, p.fields);
        await this.repo.appendActions(m, billId, p.newActions, user.id);
        stageChanges.push({
          billId,
          change: await this.bills.recomputeStage(m, coalitionId, billId),
          actionsAdded: p.newActions.length > 0,
        });
      }
      await this.audit.record(
        {
          action: 'bill.imported',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          ip: meta.ip,
          details: { format: input.format, ...summarize(plans.map((p) => p.change)) },
        },
        m,
      );
      return { changes: plans.map((p) => p.change), stageChanges };
    });
    for (const s of stageChanges) {
      this.bills.afterChange(user, coalitionId, s.billId, s.change);
      if (s.actionsAdded)
        void this.alerts.raise(
          coalitionId,
          { kind: 'bill-action-added', billId: s.billId },
          user.id,
        );
    }
    return { applied: true, changes, summary: summarize(changes) };
  }

  private async plan(
    m: EntityManager,
    coalitionId: string,
    items: ImportedBill[],
  ): Promise<Plan[]> {
    const plans: Plan[] = [];
    const seen = new Map<string, number>();
    for (const item of items) {
      const existing = await this.repo.findForImport(m, coalitionId, item.bill);
      const key =
        existing?.id ?? `${item.bill.jurisdiction}|${item.bill.session}|${item.bill.identifier}`;
      if (seen.has(key))
        throw AppError.validation([
          { path: `line ${item.line}`, message: `The same bill as at line ${seen.get(key)}.` },
        ]);
      seen.set(key, item.line);
      const fields: Partial<BillCreate> = {};
      if (existing) {
        for (const k of item.provided) {
          const value =
            k === 'externalIds'
              ? { ...existing.external_ids, ...dropEmpty(item.bill.externalIds) }
              : item.bill[k];
          if (!same(value, storedValue(existing, k)))
            (fields as Record<string, unknown>)[k] = value;
        }
      }
      const known = new Set(
        existing ? (await this.repo.actions(m, [existing.id])).map(actionKey) : [],
      );
      const newActions: ImportedBill['actions'] = [];
      for (const a of item.actions) {
        if (known.has(actionKey(a))) continue;
        known.add(actionKey(a));
        newActions.push(a);
      }
      const change: BillImportChange['change'] = !existing
        ? 'create'
        : Object.keys(fields).length || newActions.length
          ? 'update'
          : 'unchanged';
      plans.push({
        item,
        existing,
        fields,
        newActions,
        change: {
          line: item.line,
          identifier: item.bill.identifier,
          jurisdiction: item.bill.jurisdiction,
          session: item.bill.session,
          title: item.bill.title,
          change,
          newActions: newActions.length,
          fields: Object.keys(fields),
        },
      });
    }
    return plans;
  }
}

function dropEmpty(ext: BillCreate['externalIds']): Record<string, string> {
  return Object.fromEntries(Object.entries(ext).filter(([, v]) => v)) as Record<string, string>;
}

function digestOf(input: BillImport): string {
  return createHash('sha256').update(`${input.format}\n${input.content}`).digest('hex');
}

function summarize(changes: BillImportChange[]) {
  return {
    create: changes.filter((c) => c.change === 'create').length,
    update: changes.filter((c) => c.change === 'update').length,
    unchanged: changes.filter((c) => c.change === 'unchanged').length,
  };
}
