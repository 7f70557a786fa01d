import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { WorkingGroupCreate, WorkingGroupDto, WorkingGroupUpdate } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { WorkingGroupEntity } from './working-group.entity.js';
import { WorkingGroupMemberEntity } from './working-group-member.entity.js';

/** Working groups of a coalition and their member organizations (which must be coalition members). */
@Injectable()
export class WorkingGroupsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  async list(coalitionId: string): Promise<WorkingGroupDto[]> {
    const groups = await this.db
      .getRepository(WorkingGroupEntity)
      .find({ where: { coalitionId }, order: { name: 'ASC' } });
    return this.toDtos(this.db.manager, groups);
  }

  async create(
    user: AuthUser,
    coalitionId: string,
    input: WorkingGroupCreate,
    meta: RequestMeta,
  ): Promise<WorkingGroupDto> {
    const created = await this.db.transaction(async (m) => {
      await this.assertMembers(m, coalitionId, input.organizationIds);
      await this.assertNameFree(m, coalitionId, input.name);
      const repo = m.getRepository(WorkingGroupEntity);
      const group = await repo.save(
        repo.create({ coalitionId, name: input.name, description: input.description ?? null }),
      );
      await this.setMembers(m, group.id, input.organizationIds);
      await this.record(m, user, 'working-group.created', group, meta);
      return (await this.toDtos(m, [group]))[0];
    });
    this.live.entityChanged({
      coalitionId,
      type: 'working-group',
      id: created.id,
      action: 'created',
    });
    return created;
  }

  async update(
    user: AuthUser,
    coalitionId: string,
    groupId: string,
    patch: WorkingGroupUpdate,
    meta: RequestMeta,
  ): Promise<WorkingGroupDto> {
    const updated = await this.db.transaction(async (m) => {
      const group = await this.find(m, coalitionId, groupId);
      if (patch.name !== undefined && patch.name.toLowerCase() !== group.name.toLowerCase())
        await this.assertNameFree(m, coalitionId, patch.name);
      if (patch.name !== undefined) group.name = patch.name;
      if (patch.description !== undefined) group.description = patch.description ?? null;
      await m.getRepository(WorkingGroupEntity).save(group);
      if (patch.organizationIds) {
        await this.assertMembers(m, coalitionId, patch.organizationIds);
        await m.getRepository(WorkingGroupMemberEntity).delete({ workingGroupId: group.id });
        await this.setMembers(m, group.id, patch.organizationIds);
      }
      await this.record(m, user, 'working-group.updated', group, meta, {
        fields: Object.keys(patch),
      });
      return (await this.toDtos(m, [group]))[0];
    });
    this.live.entityChanged({ coalitionId, type: 'working-group', id: groupId, action: 'updated' });
    return updated;
  }

  async remove(
    user: AuthUser,
    coalitionId: string,
    groupId: string,
    meta: RequestMeta,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const group = await this.find(m, coalitionId, groupId);
      await m.getRepository(WorkingGroupEntity).delete({ id: group.id });
      await this.record(m, user, 'working-group.deleted', group, meta);
    });
    this.live.entityChanged({ coalitionId, type: 'working-group', id: groupId, action: 'deleted' });
  }

  private async find(
    m: EntityManager,
    coalitionId: string,
    groupId: string,
  ): Promise<WorkingGroupEntity> {
    const group = await m.getRepository(WorkingGroupEntity).findOneBy({ id: groupId, coalitionId });
    if (!group) throw AppError.notFound('Working group');
    return group;
  }

  private async assertNameFree(m: EntityManager, coalitionId: string, name: string): Promise<void> {
    const taken = await m
      .getRepository(WorkingGroupEntity)
      .createQueryBuilder('g')
      .where('g.coalitionId = :coalitionId AND lower(g.name) = lower(:name)', { coalitionId, name })
      .getExists();
    if (taken) throw AppError.conflict('A working group with this name already exists.', 'name');
  }

  private async assertMembers(
    m: EntityManager,
    coalitionId: string,
    organizationIds: string[],
  ): Promise<void> {
    if (!organizationIds.length) return;
    const rows: Array<{ organization_id: string }> = await m.query(
      'SELECT organization_id FROM coalition_members WHERE coalition_id = $1 AND organization_id = ANY($2::uuid[])',
      [coalitionId, organizationIds],
    );
    const known = new Set(rows.map((r) => r.organization_id));
    const fields = organizationIds
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ index }) => ({
        path: `organizationIds.${index}`,
        message: 'This organization is not a member of the coalition.',
      }));
    if (fields.length) throw AppError.validation(fields);
  }

  private async setMembers(
    m: EntityManager,
    workingGroupId: string,
    organizationIds: string[],
  ): Promise<void> {
    const unique = [...new Set(organizationIds)];
    if (unique.length)
      await m
        .getRepository(WorkingGroupMemberEntity)
        .insert(unique.map((organizationId) => ({ workingGroupId, organizationId })));
  }

  private record(
    m: EntityManager,
    user: AuthUser,
    action: 'working-group.created' | 'working-group.updated' | 'working-group.deleted',
    group: WorkingGroupEntity,
    meta: RequestMeta,
    details: Record<string, unknown> = {},
  ) {
    return this.audit.record(
      {
        action,
        actor: { userId: user.id, organizationId: user.organizationId },
        coalitionId: group.coalitionId,
        target: { type: 'working-group', id: group.id },
        ip: meta.ip,
        details: { name: group.name, ...details },
      },
      m,
    );
  }

  private async toDtos(m: EntityManager, groups: WorkingGroupEntity[]): Promise<WorkingGroupDto[]> {
    if (!groups.length) return [];
    const rows: Array<{ working_group_id: string; id: string; name: string }> = await m.query(
      `SELECT wm.working_group_id, o.id, o.name FROM working_group_members wm JOIN organizations o ON o.id = wm.organization_id
        WHERE wm.working_group_id = ANY($1::uuid[]) ORDER BY o.name`,
      [groups.map((g) => g.id)],
    );
    return groups.map((g) => ({
      id: g.id,
      coalitionId: g.coalitionId,
      name: g.name,
      description: g.description,
      organizations: rows
        .filter((r) => r.working_group_id === g.id)
        .map((r) => ({ id: r.id, name: r.name })),
      createdAt: g.createdAt.toISOString(),
    }));
  }
}
