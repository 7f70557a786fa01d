import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RICH_TEXT_DOC_KINDS } from '@coalesce/domain';
import { toMarkdown, updateToProsemirrorJson } from '@coalesce/rich-text';
import { collectedState } from '../../../collab/collected-state.js';
import { DocStore } from '../../../collab/doc-store.js';
import { fileSlug, iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

interface DocumentRow {
  id: string;
  title: string;
  kind: string;
  is_private: boolean;
  coalition_permission: string | null;
  working_group: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
  shares: Array<{ organizationId: string; name: string; permission: string }>;
  threads: string;
}

/** Rich-text documents the organization owns: Markdown, the Yjs state and their metadata. */
@Injectable()
export class DocumentsSection implements OrgDataSection {
  readonly key = 'documents';
  readonly label = 'Documents';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'documents/<title>-<id>.md': 'A document owned by the organization, as Markdown.',
    'documents/<id>.yjs':
      'The same document as a Yjs update (binary): Y.applyUpdate it into a Y.Doc; TipTap content is the XML fragment "default".',
    'documents/<id>.json': 'The document metadata: title, kind, sharing, dates, author.',
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
  ) {}

  async size(ctx: SectionContext): Promise<number> {
    const rows: Array<{ n: string }> = await this.db.query(
      `SELECT count(*) AS n FROM documents
        WHERE owner_org_id = $1 AND coalition_id = $2 AND deleted_at IS NULL AND kind = ANY($3)`,
      [ctx.organization.id, ctx.coalition!.id, RICH_TEXT_DOC_KINDS],
    );
    return Number(rows[0].n);
  }

  async write(ctx: SectionContext): Promise<number> {
    const coalition = ctx.coalition!;
    const total = await this.size(ctx);
    let done = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const docs = await this.page(ctx.organization.id, coalition.id, after);
      for (const doc of docs) {
        const { state: merged, seq } = await this.store.read(doc.id);
        // Without the content of deleted items (which may be someone else's deleted text).
        const state = collectedState(merged);
        const base = `${coalition.folder}/documents`;
        await ctx.archive.addFile(
          `${base}/${fileSlug(doc.title)}-${doc.id}.md`,
          toMarkdown(updateToProsemirrorJson(state)),
        );
        await ctx.archive.addFile(`${base}/${doc.id}.yjs`, state);
        await ctx.archive.addJson(`${base}/${doc.id}.json`, {
          id: doc.id,
          title: doc.title,
          kind: doc.kind,
          private: doc.is_private,
          coalitionPermission: doc.coalition_permission,
          sharedWith: doc.shares,
          workingGroup: doc.working_group,
          createdBy: doc.created_by ? { id: doc.created_by, name: doc.created_by_name } : null,
          createdAt: iso(doc.created_at),
          updatedAt: iso(doc.updated_at),
          archivedAt: iso(doc.archived_at),
          commentThreads: Number(doc.threads),
          seq,
        });
        done += 1;
        await ctx.progress(1, `Documents of ${coalition.name} (${done} of ${total})`);
      }
      if (docs.length < PAGE) return done;
      after = docs[docs.length - 1].id;
    }
  }

  private page(orgId: string, coalitionId: string, after: string): Promise<DocumentRow[]> {
    return this.db.query(
      `SELECT d.id, d.title, d.kind, d.is_private, d.coalition_permission, d.created_at,
              d.updated_at, d.archived_at, w.name AS working_group,
              d.created_by_user_id AS created_by, u.name AS created_by_name,
              (SELECT coalesce(json_agg(json_build_object('organizationId', s.organization_id,
                        'name', o.name, 'permission', s.permission) ORDER BY o.name), '[]'::json)
                 FROM document_shares s JOIN organizations o ON o.id = s.organization_id
                WHERE s.document_id = d.id) AS shares,
              (SELECT count(*) FROM comment_threads t WHERE t.document_id = d.id) AS threads
         FROM documents d
         LEFT JOIN working_groups w ON w.id = d.working_group_id
         LEFT JOIN users u ON u.id = d.created_by_user_id
        WHERE d.owner_org_id = $1 AND d.coalition_id = $2 AND d.deleted_at IS NULL
          AND d.kind = ANY($3) AND d.id > $4
        ORDER BY d.id LIMIT $5`,
      [orgId, coalitionId, RICH_TEXT_DOC_KINDS, after, PAGE],
    );
  }
}

const PAGE = 50;
