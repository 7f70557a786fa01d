import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { VersionDto } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { DocStore } from './doc-store.js';
import { UpdateCommitter } from './update-committer.js';
import { restoreUpdate } from './version-restore.js';

/** Named versions and automatic checkpoints; restoring one is a new forward update. */
@Injectable()
export class VersionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    private readonly committer: UpdateCommitter,
    private readonly audit: AuditLogService,
  ) {}

  async list(docId: string): Promise<VersionDto[]> {
    const rows: Array<{
      id: string;
      kind: 'named' | 'checkpoint';
      name: string | null;
      seq: string;
      created_at: Date;
      user_id: string | null;
      user_name: string | null;
    }> = await this.db.query(
      `SELECT v.id, v.kind, v.name, v.seq, v.created_at, u.id AS user_id, u.name AS user_name
           FROM doc_versions v LEFT JOIN users u ON u.id = v.created_by_user_id
          WHERE v.doc_id = $1 ORDER BY v.created_at DESC, v.seq DESC LIMIT 200`,
      [docId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      seq: Number(r.seq),
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
    }));
  }

  /** Names the current state. */
  async createNamed(user: AuthUser, docId: string, name: string): Promise<VersionDto> {
    const { state, seq } = await this.store.load(docId);
    const rows: Array<{ id: string; created_at: Date }> = await this.db.query(
      `INSERT INTO doc_versions (doc_id, kind, name, state, seq, created_by_user_id)
       VALUES ($1, 'named', $2, $3, $4, $5) RETURNING id, created_at`,
      [docId, name, Buffer.from(state), seq, user.id],
    );
    return {
      id: rows[0].id,
      kind: 'named',
      name,
      seq,
      createdAt: new Date(rows[0].created_at).toISOString(),
      createdBy: { id: user.id, name: user.name },
    };
  }

  async checkpoint(docId: string): Promise<void> {
    const { state, seq } = await this.store.load(docId);
    await this.db.query(
      `INSERT INTO doc_versions (doc_id, kind, state, seq) VALUES ($1, 'checkpoint', $2, $3)`,
      [docId, Buffer.from(state), seq],
    );
  }

  /** The version's Yjs state, for a read-only preview. */
  async state(docId: string, versionId: string): Promise<Uint8Array> {
    const rows: Array<{ state: Buffer }> = await this.db.query(
      'SELECT state FROM doc_versions WHERE id = $1 AND doc_id = $2',
      [versionId, docId],
    );
    if (!rows.length) throw AppError.notFound('Version');
    return new Uint8Array(rows[0].state);
  }

  /** Restores by committing a forward update; everyone's editor receives it like any edit. */
  async restore(
    user: AuthUser,
    docId: string,
    versionId: string,
    coalitionId: string,
    meta: RequestMeta,
  ): Promise<{ seq: number }> {
    const version = await this.state(docId, versionId);
    const { state } = await this.store.load(docId);
    const update = restoreUpdate(state, version);
    const stored = await this.committer.commit({
      docId,
      update,
      updateId: `restore-${randomUUID()}`,
      userId: user.id,
    });
    await this.audit.record({
      action: 'document.version-restored',
      actor: { userId: user.id, organizationId: user.organizationId },
      coalitionId,
      target: { type: 'document', id: docId },
      ip: meta.ip,
      details: { versionId },
    });
    return { seq: stored.seq };
  }
}
