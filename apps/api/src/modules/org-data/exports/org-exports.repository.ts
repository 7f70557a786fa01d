import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgExportDto, OrgExportStatus } from '@coalesce/protocol';
import { returningRows } from '../../../core/database/returning-rows.js';
import type { ExportCoalition } from './sections/org-data-section.js';

interface ExportRow {
  id: string;
  organization_id: string;
  status: OrgExportStatus;
  progress: number;
  step: string | null;
  error: string | null;
  created_by_user_id: string | null;
  created_by_name: string | null;
  created_at: Date;
  completed_at: Date | null;
  expires_at: Date | null;
  file_name: string | null;
  file_size: string | null;
  chunk_count: number | null;
}

const SELECT = `SELECT e.id, e.organization_id, e.status, e.progress, e.step, e.error,
       e.created_by_user_id, u.name AS created_by_name, e.created_at, e.completed_at,
       e.expires_at, e.file_name, e.file_size, e.chunk_count
  FROM org_exports e LEFT JOIN users u ON u.id = e.created_by_user_id`;

/** The file of a ready export, as the download needs it. */
export interface ExportFile {
  status: OrgExportStatus;
  expiresAt: Date | null;
  fileName: string | null;
  fileSize: number;
  parts: number;
}

/** Queries on org_exports (the jobs) and the facts an export needs about its organization. */
@Injectable()
export class OrgExportsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** A new queued export; throws a unique violation when one is already queued or running. */
  async create(organizationId: string, userId: string): Promise<string> {
    const rows: Array<{ id: string }> = await this.db.query(
      `INSERT INTO org_exports (organization_id, created_by_user_id) VALUES ($1, $2) RETURNING id`,
      [organizationId, userId],
    );
    return rows[0].id;
  }

  async active(organizationId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM org_exports WHERE organization_id = $1 AND status IN ('queued', 'running')`,
      [organizationId],
    );
    return rows[0]?.id ?? null;
  }

  async find(organizationId: string, exportId: string): Promise<OrgExportDto | null> {
    const rows: ExportRow[] = await this.db.query(
      `${SELECT} WHERE e.id = $1 AND e.organization_id = $2`,
      [exportId, organizationId],
    );
    return rows[0] ? toDto(rows[0]) : null;
  }

  async list(organizationId: string, limit = 10): Promise<OrgExportDto[]> {
    const rows: ExportRow[] = await this.db.query(
      `${SELECT} WHERE e.organization_id = $1 ORDER BY e.created_at DESC, e.id LIMIT $2`,
      [organizationId, limit],
    );
    return rows.map(toDto);
  }

  async file(organizationId: string, exportId: string): Promise<ExportFile | null> {
    const rows: ExportRow[] = await this.db.query(
      `${SELECT} WHERE e.id = $1 AND e.organization_id = $2`,
      [exportId, organizationId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      status: row.status,
      expiresAt: row.expires_at,
      fileName: row.file_name,
      fileSize: Number(row.file_size ?? 0),
      parts: row.chunk_count ?? 0,
    };
  }

  /** Takes a queued export for running; null when it is not queued any more. */
  async claim(
    exportId: string,
  ): Promise<{ organizationId: string; createdBy: string | null } | null> {
    const rows = returningRows<{ organization_id: string; created_by_user_id: string | null }>(
      await this.db.query(
        `UPDATE org_exports SET status = 'running', started_at = now(), heartbeat_at = now(),
                step = 'Starting'
          WHERE id = $1 AND status = 'queued'
        RETURNING organization_id, created_by_user_id`,
        [exportId],
      ),
    );
    return rows[0]
      ? { organizationId: rows[0].organization_id, createdBy: rows[0].created_by_user_id }
      : null;
  }

  async progress(exportId: string, progress: number, step: string | null): Promise<void> {
    await this.db.query(
      `UPDATE org_exports SET progress = $2, step = $3, heartbeat_at = now()
        WHERE id = $1 AND status = 'running'`,
      [exportId, progress, step],
    );
  }

  async complete(
    exportId: string,
    file: { fileName: string; fileSize: number; parts: number; ttlHours: number },
  ): Promise<void> {
    await this.db.query(
      `UPDATE org_exports SET status = 'ready', progress = 100, step = NULL, completed_at = now(),
              heartbeat_at = now(), expires_at = now() + $5::double precision * interval '1 hour',
              file_name = $2, file_size = $3, chunk_count = $4
        WHERE id = $1`,
      [exportId, file.fileName, file.fileSize, file.parts, file.ttlHours],
    );
  }

  /** Marks the export failed and deletes what was written of its file. */
  async fail(exportId: string, error: string): Promise<void> {
    await this.db.query(
      `UPDATE org_exports SET status = 'failed', error = $2, step = NULL, completed_at = now()
        WHERE id = $1`,
      [exportId, error.slice(0, 2000)],
    );
    await this.db.query('DELETE FROM org_export_chunks WHERE export_id = $1', [exportId]);
  }

  /** Ready exports past their expiry lose their file; returns them with their organization. */
  async expire(now: Date): Promise<Array<{ id: string; organizationId: string }>> {
    const rows = returningRows<{ id: string; organization_id: string }>(
      await this.db.query(
        `UPDATE org_exports SET status = 'expired'
          WHERE status = 'ready' AND expires_at <= $1 RETURNING id, organization_id`,
        [now],
      ),
    );
    if (rows.length) {
      await this.db.query('DELETE FROM org_export_chunks WHERE export_id = ANY($1::uuid[])', [
        rows.map((r) => r.id),
      ]);
    }
    return rows.map((r) => ({ id: r.id, organizationId: r.organization_id }));
  }

  /** Running exports whose process stopped reporting: their ids (to mark them failed). */
  async stale(olderThan: Date): Promise<Array<{ id: string; organizationId: string }>> {
    const rows: Array<{ id: string; organization_id: string }> = await this.db.query(
      `SELECT id, organization_id FROM org_exports
        WHERE (status = 'running' AND heartbeat_at < $1) OR (status = 'queued' AND created_at < $1)`,
      [olderThan],
    );
    return rows.map((r) => ({ id: r.id, organizationId: r.organization_id }));
  }

  async organization(organizationId: string): Promise<{ id: string; name: string; slug: string }> {
    const rows: Array<{ id: string; name: string; slug: string }> = await this.db.query(
      'SELECT id, name, slug FROM organizations WHERE id = $1',
      [organizationId],
    );
    return rows[0];
  }

  async userName(userId: string | null): Promise<{ id: string; name: string } | null> {
    if (!userId) return null;
    const rows: Array<{ id: string; name: string }> = await this.db.query(
      'SELECT id, name FROM users WHERE id = $1',
      [userId],
    );
    return rows[0] ?? null;
  }

  /** The organization's active admins: they see its exports live. */
  async adminIds(organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM users WHERE organization_id = $1 AND org_role = 'admin' AND disabled_at IS NULL`,
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Coalitions where the organization is a member or still has data (documents, tasks, meetings,
   * positions), with the archive folder of each.
   */
  async coalitionsOf(organizationId: string): Promise<ExportCoalition[]> {
    const rows: Array<{ id: string; name: string; slug: string; role: string | null }> =
      await this.db.query(
        `SELECT c.id, c.name, c.slug, m.role FROM coalitions c
           LEFT JOIN coalition_members m ON m.coalition_id = c.id AND m.organization_id = $1
          WHERE m.organization_id IS NOT NULL
             OR EXISTS (SELECT 1 FROM documents d WHERE d.coalition_id = c.id
                          AND d.owner_org_id = $1 AND d.deleted_at IS NULL)
             OR EXISTS (SELECT 1 FROM tasks t WHERE t.coalition_id = c.id
                          AND (t.created_by_org_id = $1 OR t.assignee_org_id = $1))
             OR EXISTS (SELECT 1 FROM meetings mt WHERE mt.coalition_id = c.id
                          AND mt.created_by_org_id = $1)
             OR EXISTS (SELECT 1 FROM bill_positions p JOIN bills b ON b.id = p.bill_id
                          WHERE b.coalition_id = c.id AND p.organization_id = $1)
          ORDER BY c.name, c.id`,
        [organizationId],
      );
    return rows.map((r) => ({
      ...r,
      folder: `coalitions/${r.slug}-${r.id.slice(0, 8)}`,
    }));
  }
}

function toDto(row: ExportRow): OrgExportDto {
  return {
    id: row.id,
    organizationId: row.organization_id,
    status: row.status,
    progress: Number(row.progress),
    step: row.step,
    error: row.error,
    createdBy: row.created_by_user_id
      ? { id: row.created_by_user_id, name: row.created_by_name ?? '' }
      : null,
    createdAt: new Date(row.created_at).toISOString(),
    completedAt: row.completed_at ? new Date(row.completed_at).toISOString() : null,
    expiresAt:
      row.status === 'ready' && row.expires_at ? new Date(row.expires_at).toISOString() : null,
    fileName: row.status === 'ready' ? row.file_name : null,
    fileSize: row.status === 'ready' && row.file_size !== null ? Number(row.file_size) : null,
  };
}
