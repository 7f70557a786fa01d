import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgExportDto } from '@coalesce/protocol';
import { AuditLogService } from '../../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { AppError } from '../../../core/errors/app-error.js';
import { uniqueViolation } from '../../../core/errors/database-errors.js';
import type { RequestMeta } from '../../../core/http/request-meta.js';
import { LiveEvents } from '../../../core/realtime/live-events.js';
import { readExportChunks } from './export-chunks.js';
import { OrgExportRunner } from './org-export.runner.js';
import { OrgExportsRepository } from './org-exports.repository.js';

export interface ExportDownload {
  fileName: string;
  fileSize: number;
  stream: Readable;
}

/** An organization admin's exports of all the organization's data: start, follow, download. */
@Injectable()
export class OrgExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: OrgExportsRepository,
    private readonly runner: OrgExportRunner,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  /** Queues an export and starts it in the background; 409 while another one runs. */
  async start(user: AuthUser, organizationId: string, meta: RequestMeta): Promise<OrgExportDto> {
    let exportId: string;
    try {
      exportId = await this.repo.create(organizationId, user.id);
    } catch (error) {
      if (!uniqueViolation(error)) throw error;
      throw AppError.conflictWith(
        'An export of your organization is already being prepared. Wait for it to finish.',
        { exportId: await this.repo.active(organizationId) },
      );
    }
    await this.audit.record({
      action: 'org.export-requested',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId,
      target: { type: 'org-export', id: exportId },
      ip: meta.ip,
    });
    this.live.entityChanged({
      coalitionId: null,
      type: 'org-export',
      id: exportId,
      action: 'created',
      userIds: await this.repo.adminIds(organizationId),
    });
    this.runner.start(exportId);
    return (await this.repo.find(organizationId, exportId))!;
  }

  list(organizationId: string): Promise<OrgExportDto[]> {
    return this.repo.list(organizationId);
  }

  async get(organizationId: string, exportId: string): Promise<OrgExportDto> {
    const found = await this.repo.find(organizationId, exportId);
    if (!found) throw AppError.notFound('Export');
    return found;
  }

  /** The ZIP, streamed from its stored chunks. */
  async download(
    user: AuthUser,
    organizationId: string,
    exportId: string,
    meta: RequestMeta,
  ): Promise<ExportDownload> {
    const file = await this.repo.file(organizationId, exportId);
    if (!file) throw AppError.notFound('Export');
    const expired =
      file.status === 'expired' ||
      (file.status === 'ready' && file.expiresAt !== null && file.expiresAt <= new Date());
    if (expired)
      throw new AppError(
        'NOT_FOUND',
        'This export has expired and its file was deleted. Start a new export.',
      );
    if (file.status !== 'ready' || !file.fileName) {
      throw AppError.conflictWith(
        file.status === 'failed'
          ? 'This export failed; start a new one.'
          : 'This export is not ready yet.',
        { status: file.status },
      );
    }
    await this.audit.record({
      action: 'org.export-downloaded',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId,
      target: { type: 'org-export', id: exportId },
      ip: meta.ip,
      details: { bytes: file.fileSize },
    });
    return {
      fileName: file.fileName,
      fileSize: file.fileSize,
      stream: Readable.from(readExportChunks(this.db, exportId, file.parts)),
    };
  }
}
