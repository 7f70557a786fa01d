import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { documentPermission } from '@coalesce/domain';
import type { CoalitionRole, DocPermission } from '@coalesce/domain';
import type { DocumentDto, DocumentListQuery } from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { DocumentEntity } from './document.entity.js';
import { snippetAround } from './search-snippet.js';

const LIST_LIMIT = 500;

/** The SQL of documents: the filtered, searched list and the DTOs with names and shares. */
@Injectable()
export class DocumentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Documents of the coalition the caller's organization may see, filtered, searched and sorted. */
  async list(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    query: DocumentListQuery,
  ): Promise<DocumentDto[]> {
    const params: unknown[] = [coalitionId, user.organizationId];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const where = [
      'd.coalition_id = $1',
      'd.deleted_at IS NULL',
      // Private layers of case maps are never listed or searched (they open with their map).
      "d.kind <> 'case-map-layer'",
      `(d.owner_org_id = $2 OR (NOT d.is_private AND (d.coalition_permission IS NOT NULL
        OR EXISTS (SELECT 1 FROM document_shares s WHERE s.document_id = d.id AND s.organization_id = $2))))`,
    ];
    if (query.state === 'active') where.push('d.archived_at IS NULL');
    if (query.state === 'archived') where.push('d.archived_at IS NOT NULL');
    if (query.kind) where.push(`d.kind = ${param(query.kind)}`);
    if (query.workingGroupId) where.push(`d.working_group_id = ${param(query.workingGroupId)}`);
    if (query.ownerOrgId) where.push(`d.owner_org_id = ${param(query.ownerOrgId)}`);
    if (query.updatedSince)
      where.push(`d.updated_at >= ${param(new Date(query.updatedSince).toISOString())}`);
    const q = query.q?.trim();
    if (q) {
      const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      // Two parameters: PGlite refuses one parameter used twice in some expressions.
      where.push(`(d.title ILIKE ${param(pattern)} OR d.search_text ILIKE ${param(pattern)})`);
    }
    const column = { updated: 'd.updated_at', created: 'd.created_at', title: 'lower(d.title)' }[
      query.sort
    ];
    const order = (query.order ?? (query.sort === 'title' ? 'asc' : 'desc')).toUpperCase();
    const rows: Array<{ id: string; search_text: string | null }> = await this.db.query(
      `SELECT d.id, ${q ? 'd.search_text' : 'NULL AS search_text'} FROM documents d
        WHERE ${where.join(' AND ')}
        ORDER BY ${column} ${order}, d.id ${order} LIMIT ${LIST_LIMIT}`,
      params,
    );
    const dtos = await this.toDtos(
      this.db.manager,
      rows.map((r) => r.id),
      user,
      role,
    );
    if (!q) return dtos;
    const texts = new Map(rows.map((r) => [r.id, r.search_text ?? '']));
    return dtos.map((dto) => ({ ...dto, snippet: snippetAround(texts.get(dto.id) ?? '', q) }));
  }

  /** DTOs of these documents in this order, leaving out those the caller may not see. */
  async toDtos(
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
    const userIds = [
      ...new Set(
        docs.flatMap((d) => [d.createdByUserId, d.updatedByUserId]).filter((u) => u !== null),
      ),
    ];
    const people: Array<{ id: string; name: string }> = userIds.length
      ? await m.query('SELECT id, name FROM users WHERE id = ANY($1::uuid[])', [userIds])
      : [];
    const ownerNames = new Map(owners.map((o) => [o.id, o.name]));
    const names = new Map(people.map((p) => [p.id, p.name]));
    const person = (id: string | null) =>
      id && names.has(id) ? { id, name: names.get(id)! } : null;
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
        isArchived: d.archivedAt !== null,
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
        createdBy: person(d.createdByUserId),
        updatedBy: person(d.updatedByUserId),
        createdAt: d.createdAt.toISOString(),
        updatedAt: d.updatedAt.toISOString(),
        archivedAt: d.archivedAt ? d.archivedAt.toISOString() : null,
      });
    }
    return result;
  }
}
