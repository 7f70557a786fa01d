import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { slugify } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import type { CoalitionCreate, CoalitionDto, CoalitionUpdate } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { CoalitionEntity } from './coalition.entity.js';
import { CoalitionMembersRepository } from './coalition-members.repository.js';

/** Coalitions: create, list the caller's, read and update. */
@Injectable()
export class CoalitionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(CoalitionEntity) private readonly coalitions: Repository<CoalitionEntity>,
    private readonly members: CoalitionMembersRepository,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  /** The caller's organization creates a coalition and becomes its coordinator. */
  async create(user: AuthUser, input: CoalitionCreate, meta: RequestMeta): Promise<CoalitionDto> {
    const slug = input.slug ?? slugify(input.name);
    if (!slug)
      throw AppError.validation([
        { path: 'name', message: 'Use at least one letter or digit in the name.' },
      ]);
    const coalition = await this.db.transaction(async (m) => {
      const repo = m.getRepository(CoalitionEntity);
      if (await repo.existsBy({ slug })) {
        throw AppError.conflict(
          `The short name "${slug}" is already taken; choose another.`,
          input.slug ? 'slug' : 'name',
        );
      }
      const created = await repo.save(
        repo.create({
          name: input.name,
          slug,
          description: input.description ?? null,
          createdByOrgId: user.organizationId,
        }),
      );
      await this.members.add(created.id, user.organizationId, 'coordinator', m);
      await this.audit.record(
        {
          action: 'coalition.created',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId: user.organizationId,
          coalitionId: created.id,
          target: { type: 'coalition', id: created.id },
          ip: meta.ip,
        },
        m,
      );
      return created;
    });
    return this.toDto(coalition, 'coordinator');
  }

  /** The coalitions the organization belongs to, with its role in each. */
  async listForOrganization(organizationId: string): Promise<CoalitionDto[]> {
    const rows: Array<{
      id: string;
      name: string;
      slug: string;
      description: string | null;
      created_at: Date;
      role: CoalitionRole;
      member_count: string;
    }> = await this.db.query(
      `SELECT c.id, c.name, c.slug, c.description, c.created_at, m.role,
                (SELECT count(*) FROM coalition_members x WHERE x.coalition_id = c.id) AS member_count
           FROM coalitions c JOIN coalition_members m ON m.coalition_id = c.id AND m.organization_id = $1
          ORDER BY c.name`,
      [organizationId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      slug: r.slug,
      description: r.description,
      createdAt: new Date(r.created_at).toISOString(),
      role: r.role,
      memberCount: Number(r.member_count),
    }));
  }

  async get(id: string, role: CoalitionRole, manager?: EntityManager): Promise<CoalitionDto> {
    const coalition = await (manager?.getRepository(CoalitionEntity) ?? this.coalitions).findOneBy({
      id,
    });
    if (!coalition) throw AppError.notFound('Coalition');
    return this.toDto(coalition, role);
  }

  async update(
    user: AuthUser,
    id: string,
    role: CoalitionRole,
    patch: CoalitionUpdate,
    meta: RequestMeta,
  ): Promise<CoalitionDto> {
    const coalition = await this.coalitions.findOneByOrFail({ id });
    Object.assign(coalition, patch);
    await this.coalitions.save(coalition);
    await this.audit.record({
      action: 'coalition.updated',
      actor: { userId: user.id, organizationId: user.organizationId },
      coalitionId: id,
      target: { type: 'coalition', id },
      ip: meta.ip,
      details: { fields: Object.keys(patch) },
    });
    this.live.entityChanged({ coalitionId: id, type: 'coalition', id, action: 'updated' });
    return this.toDto(coalition, role);
  }

  private async toDto(c: CoalitionEntity, role: CoalitionRole): Promise<CoalitionDto> {
    const memberCount = await this.members.count(c.id);
    return {
      id: c.id,
      name: c.name,
      slug: c.slug,
      description: c.description,
      createdAt: c.createdAt.toISOString(),
      role,
      memberCount,
    };
  }
}
