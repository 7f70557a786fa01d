import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { canManageDocument, findDocumentTemplate } from '@coalesce/domain';
import type { CoalitionRole, DocPermission } from '@coalesce/domain';
import type {
  DocumentCreate,
  DocumentDto,
  DocumentListQuery,
  DocumentSharing,
  DocumentUpdate,
} from '@coalesce/protocol';
import { prosemirrorJsonToUpdate } from '@coalesce/rich-text';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { DocStore } from '../collab/doc-store.js';
import { DocumentContentIndexer } from './document-content-indexer.js';
import { DocumentEvents } from './document-events.js';
import { DocumentEntity } from './document.entity.js';
import { DocumentsRepository } from './documents.repository.js';

type Lifecycle = 'archived' | 'restored' | 'deleted';

/** Documents of a coalition: creation (with their storage), rename/move, lifecycle, sharing. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: DocumentsRepository,
    private readonly store: DocStore,
    private readonly indexer: DocumentContentIndexer,
    private readonly live: LiveEvents,
    private readonly events: DocumentEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    input: DocumentCreate,
    meta?: RequestMeta,
  ): Promise<DocumentDto> {
    const template = input.templateId ? findDocumentTemplate(input.templateId) : undefined;
    if (input.templateId && !template)
      throw AppError.validation([{ path: 'templateId', message: 'No such template.' }]);
    const id = await this.db.transaction(async (m) => {
      if (input.workingGroupId) await this.assertWorkingGroup(m, coalitionId, input.workingGroupId);
      const repo = m.getRepository(DocumentEntity);
      const doc = await repo.save(
        repo.create({
          coalitionId,
          ownerOrgId: user.organizationId,
          workingGroupId: input.workingGroupId ?? null,
          kind: input.kind,
          title: input.title,
          isPrivate: input.isPrivate,
          coalitionPermission: input.isPrivate ? null : input.coalitionPermission,
          createdByUserId: user.id,
          updatedByUserId: user.id,
        }),
      );
      // A template is the document's first state: its snapshot at seq 0.
      await this.store.create(
        m,
        doc.id,
        template ? prosemirrorJsonToUpdate(template.content) : undefined,
      );
      await this.audit.record(
        {
          action: 'document.created',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          target: { type: 'document', id: doc.id },
          ip: meta?.ip,
          details: { title: input.title, kind: input.kind, templateId: template?.id ?? null },
        },
        m,
      );
      return doc.id;
    });
    if (template) await this.indexer.refreshNow(id);
    await this.events.announce(coalitionId, id, 'created');
    return this.get(user, id, role);
  }

  list(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    query: DocumentListQuery,
  ): Promise<DocumentDto[]> {
    return this.repo.list(user, coalitionId, role, query);
  }

  async get(user: AuthUser, docId: string, role: CoalitionRole): Promise<DocumentDto> {
    const [dto] = await this.repo.toDtos(this.db.manager, [docId], user, role);
    if (!dto) throw AppError.notFound('Document');
    return dto;
  }

  /** Rename or move to another working group (needs edit permission, checked by the route). */
  async update(
    user: AuthUser,
    docId: string,
    role: CoalitionRole,
    input: DocumentUpdate,
    meta: RequestMeta,
  ): Promise<DocumentDto> {
    const doc = await this.load(docId);
    await this.db.transaction(async (m) => {
      if (input.workingGroupId)
        await this.assertWorkingGroup(m, doc.coalitionId, input.workingGroupId);
      const changes: Partial<DocumentEntity> = { updatedByUserId: user.id };
      if (input.title !== undefined) changes.title = input.title;
      if (input.workingGroupId !== undefined) changes.workingGroupId = input.workingGroupId;
      await m.getRepository(DocumentEntity).update({ id: docId }, changes);
      await this.audit.record(
        {
          action: input.title !== undefined ? 'document.renamed' : 'document.moved',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId: doc.coalitionId,
          target: { type: 'document', id: docId },
          ip: meta.ip,
          details: {
            ...(input.title !== undefined ? { from: doc.title, to: input.title } : {}),
            ...(input.workingGroupId !== undefined ? { workingGroupId: input.workingGroupId } : {}),
          },
        },
        m,
      );
    });
    await this.events.announce(doc.coalitionId, docId, 'updated');
    return this.get(user, docId, role);
  }

  /** Archive (read-only for everyone), restore, or delete (soft; 404 everywhere afterwards). */
  async setLifecycle(
    user: AuthUser,
    docId: string,
    role: CoalitionRole,
    change: Lifecycle,
    meta: RequestMeta,
  ): Promise<DocumentDto | null> {
    const doc = await this.load(docId);
    if (
      !canManageDocument({
        coalitionRole: role,
        isOwnerOrg: doc.ownerOrgId === user.organizationId,
      })
    )
      throw AppError.forbidden('Only the owner organization or a coordinator can do this.');
    const sawIt = await this.events.audience(docId);
    await this.db.transaction(async (m) => {
      const set =
        change === 'archived'
          ? 'archived_at = COALESCE(archived_at, now())'
          : change === 'restored'
            ? 'archived_at = NULL'
            : 'deleted_at = now()';
      await m.query(`UPDATE documents SET ${set}, updated_at = now() WHERE id = $1`, [docId]);
      await this.audit.record(
        {
          action: `document.${change}`,
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId: doc.coalitionId,
          target: { type: 'document', id: docId },
          ip: meta.ip,
          details: { title: doc.title },
        },
        m,
      );
    });
    // Open editors re-check: an archived document becomes read-only, a deleted one is revoked.
    this.live.accessChanged({ docId, ...(change === 'deleted' ? { reason: 'deleted' } : {}) });
    await this.events.announce(
      doc.coalitionId,
      docId,
      change === 'deleted' ? 'deleted' : 'updated',
      sawIt,
    );
    return change === 'deleted' ? null : this.get(user, docId, role);
  }

  /** The owner organization (editors) or a coordinator organization changes who may see the document. */
  async setSharing(
    user: AuthUser,
    docId: string,
    role: CoalitionRole,
    permission: DocPermission,
    input: DocumentSharing,
    meta: RequestMeta,
  ): Promise<DocumentDto> {
    const doc = await this.load(docId);
    const isOwner = doc.ownerOrgId === user.organizationId;
    if (!(isOwner && permission === 'edit') && role !== 'coordinator') {
      throw AppError.forbidden('Only the owner organization or a coordinator can change sharing.');
    }
    if (doc.isPrivate && (input.coalitionPermission || input.organizations.length)) {
      throw AppError.validation([
        { path: 'coalitionPermission', message: 'A private document cannot be shared.' },
      ]);
    }
    const sawIt = await this.events.audience(docId);
    await this.db.transaction(async (m) => {
      const orgIds = input.organizations.map((o) => o.organizationId);
      if (orgIds.length) {
        const members: Array<{ organization_id: string }> = await m.query(
          'SELECT organization_id FROM coalition_members WHERE coalition_id = $1 AND organization_id = ANY($2::uuid[])',
          [doc.coalitionId, orgIds],
        );
        const known = new Set(members.map((r) => r.organization_id));
        const fields = orgIds
          .map((id, i) => ({ id, i }))
          .filter(({ id }) => !known.has(id))
          .map(({ i }) => ({
            path: `organizations.${i}.organizationId`,
            message: 'This organization is not a member of the coalition.',
          }));
        if (fields.length) throw AppError.validation(fields);
      }
      await m
        .getRepository(DocumentEntity)
        .update({ id: docId }, { coalitionPermission: input.coalitionPermission });
      await m.query('DELETE FROM document_shares WHERE document_id = $1', [docId]);
      for (const share of input.organizations) {
        await m.query(
          'INSERT INTO document_shares (document_id, organization_id, permission) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
          [docId, share.organizationId, share.permission],
        );
      }
      await this.audit.record(
        {
          action: 'document.sharing-changed',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId: doc.coalitionId,
          target: { type: 'document', id: docId },
          ip: meta.ip,
          details: {
            coalitionPermission: input.coalitionPermission,
            organizations: input.organizations,
          },
        },
        m,
      );
    });
    this.live.accessChanged({ docId });
    await this.events.announce(doc.coalitionId, docId, 'updated', sawIt);
    return this.get(user, docId, role);
  }

  private async load(docId: string): Promise<DocumentEntity> {
    const doc = await this.db.getRepository(DocumentEntity).findOneBy({ id: docId });
    if (!doc || doc.deletedAt) throw AppError.notFound('Document');
    return doc;
  }

  private async assertWorkingGroup(
    m: EntityManager,
    coalitionId: string,
    workingGroupId: string,
  ): Promise<void> {
    const group = await m.query(
      'SELECT 1 FROM working_groups WHERE id = $1 AND coalition_id = $2',
      [workingGroupId, coalitionId],
    );
    if (!group.length)
      throw AppError.validation([
        { path: 'workingGroupId', message: 'No such working group in this coalition.' },
      ]);
  }
}
