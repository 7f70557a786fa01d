import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { documentPermission } from '@coalesce/domain';
import type { CoalitionRole, DocPermission } from '@coalesce/domain';
import type { DocumentCreate, DocumentDto, DocumentSharing } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { DocStore } from '../collab/doc-store.js';
import { DocumentEntity } from './document.entity.js';

/** Documents of a coalition: creation (with their storage), listing what the caller may see, sharing. */
@Injectable()
export class DocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
    private readonly live: LiveEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    input: DocumentCreate,
  ): Promise<DocumentDto> {
    const id = await this.db.transaction(async (m) => {
      if (input.workingGroupId) {
        const group = await m.query(
          'SELECT 1 FROM working_groups WHERE id = $1 AND coalition_id = $2',
          [input.workingGroupId, coalitionId],
        );
        if (!group.length)
          throw AppError.validation([
            { path: 'workingGroupId', message: 'No such working group in this coalition.' },
          ]);
      }
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
        }),
      );
      await this.store.create(m, doc.id);
      return doc.id;
    });
    this.live.entityChanged({ coalitionId, type: 'document', id, action: 'created' });
    return this.get(user, id, role);
  }

  /** Documents of the coalition the caller's organization may see. */
  async list(user: AuthUser, coalitionId: string, role: CoalitionRole): Promise<DocumentDto[]> {
    const ids: Array<{ id: string }> = await this.db.query(
      `SELECT d.id FROM documents d
        WHERE d.coalition_id = $1 AND d.deleted_at IS NULL
          AND (d.owner_org_id = $2 OR (NOT d.is_private AND (d.coalition_permission IS NOT NULL
               OR EXISTS (SELECT 1 FROM document_shares s WHERE s.document_id = d.id AND s.organization_id = $2))))
        ORDER BY d.updated_at DESC LIMIT 500`,
      [coalitionId, user.organizationId],
    );
    return this.toDtos(
      this.db.manager,
      ids.map((r) => r.id),
      user,
      role,
    );
  }

  async get(user: AuthUser, docId: string, role: CoalitionRole): Promise<DocumentDto> {
    const [dto] = await this.toDtos(this.db.manager, [docId], user, role);
    if (!dto) throw AppError.notFound('Document');
    return dto;
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
    const doc = await this.db.getRepository(DocumentEntity).findOneByOrFail({ id: docId });
    const isOwner = doc.ownerOrgId === user.organizationId;
    if (!(isOwner && permission === 'edit') && role !== 'coordinator') {
      throw AppError.forbidden('Only the owner organization or a coordinator can change sharing.');
    }
    if (doc.isPrivate && (input.coalitionPermission || input.organizations.length)) {
      throw AppError.validation([
        { path: 'coalitionPermission', message: 'A private document cannot be shared.' },
      ]);
    }
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
    this.live.entityChanged({
      coalitionId: doc.coalitionId,
      type: 'document',
      id: docId,
      action: 'updated',
    });
    return this.get(user, docId, role);
  }

  private async toDtos(
    m: EntityManager,
    ids: string[],
    user: AuthUser,
    role: CoalitionRole,
  ): Promise<DocumentDto[]> {
    if (!ids.length) return [];
    const docs = await m
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .where('d.id IN (:...ids)', { ids })
      .andWhere('d.deletedAt IS NULL')
      .getMany();
    const shares: Array<{
      document_id: string;
      organization_id: string;
      name: string;
      permission: DocPermission;
    }> = await m.query(
      `SELECT s.document_id, s.organization_id, o.name, s.permission FROM document_shares s JOIN organizations o ON o.id = s.organization_id
        WHERE s.document_id = ANY($1::uuid[]) ORDER BY o.name`,
      [ids],
    );
    const owners: Array<{ id: string; name: string }> = await m.query(
      'SELECT id, name FROM organizations WHERE id = ANY($1::uuid[])',
      [[...new Set(docs.map((d) => d.ownerOrgId))]],
    );
    const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const result: DocumentDto[] = [];
    for (const id of ids) {
      const d = byId.get(id);
      if (!d) continue;
      const docShares = shares.filter((s) => s.document_id === d.id);
      const permission = documentPermission({
        coalitionRole: role,
        isOwnerOrg: d.ownerOrgId === user.organizationId,
        isPrivate: d.isPrivate,
        coalitionPermission: d.coalitionPermission,
        orgPermission:
          docShares.find((s) => s.organization_id === user.organizationId)?.permission ?? null,
      });
      if (!permission) continue;
      result.push({
        id: d.id,
        coalitionId: d.coalitionId,
        ownerOrg: { id: d.ownerOrgId, name: ownerNames.get(d.ownerOrgId) ?? '' },
        workingGroupId: d.workingGroupId,
        kind: d.kind,
        title: d.title,
        isPrivate: d.isPrivate,
        coalitionPermission: d.coalitionPermission,
        shares: docShares.map((s) => ({
          organizationId: s.organization_id,
          organizationName: s.name,
          permission: s.permission,
        })),
        permission,
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
      });
    }
    return result;
  }
}
