import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { toMarkdown, updateToProsemirrorJson } from '@coalesce/rich-text';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { DocStore } from '../collab/doc-store.js';

export interface MarkdownExport {
  fileName: string;
  markdown: string;
}

/** Markdown of a document's current state, with its title as the first heading. */
@Injectable()
export class DocumentExportService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    private readonly audit: AuditLogService,
  ) {}

  async markdown(user: AuthUser, docId: string, meta: RequestMeta): Promise<MarkdownExport> {
    const rows: Array<{ title: string; coalition_id: string }> = await this.db.query(
      'SELECT title, coalition_id FROM documents WHERE id = $1 AND deleted_at IS NULL',
      [docId],
    );
    if (!rows[0]) throw AppError.notFound('Document');
    const { state } = await this.store.load(docId);
    await this.audit.record({
      action: 'document.exported',
      actor: { userId: user.id, organizationId: user.organizationId },
      coalitionId: rows[0].coalition_id,
      target: { type: 'document', id: docId },
      ip: meta.ip,
      details: { format: 'markdown' },
    });
    return {
      fileName: `${safeFileName(rows[0].title)}.md`,
      markdown: toMarkdown(updateToProsemirrorJson(state)),
    };
  }
}

/** ASCII letters, digits, dashes: safe in a Content-Disposition header on every platform. */
export function safeFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return base || 'document';
}
