import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { slugify } from '@coalesce/domain';
import type { OrganizationDto, OrganizationInput, OrganizationUpdate } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { OrganizationEntity } from './organization.entity.js';

/** Organization profiles and the directory other organizations pick from when inviting. */
@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly orgs: Repository<OrganizationEntity>,
    private readonly audit: AuditLogService,
  ) {}

  /** Creates an organization inside the caller's transaction; 409 when the slug is taken. */
  async create(input: OrganizationInput, manager: EntityManager): Promise<OrganizationEntity> {
    const repo = manager.getRepository(OrganizationEntity);
    const slug = input.slug ?? slugify(input.name);
    if (!slug)
      throw AppError.validation([
        { path: 'name', message: 'Use at least one letter or digit in the name.' },
      ]);
    if (await repo.existsBy({ slug })) {
      throw AppError.conflict(
        `The short name "${slug}" is already taken; choose another.`,
        input.slug ? 'slug' : 'name',
      );
    }
    return repo.save(
      repo.create({
        name: input.name,
        slug,
        country: input.country,
        focusAreas: input.focusAreas,
        website: input.website ?? null,
        description: input.description ?? null,
      }),
    );
  }

  async get(id: string, manager?: EntityManager): Promise<OrganizationEntity> {
    const org = await (manager?.getRepository(OrganizationEntity) ?? this.orgs).findOneBy({ id });
    if (!org) throw AppError.notFound('Organization');
    return org;
  }

  async update(
    user: AuthUser,
    patch: OrganizationUpdate,
    meta: RequestMeta,
  ): Promise<OrganizationDto> {
    const org = await this.get(user.organizationId);
    if (patch.slug && patch.slug !== org.slug && (await this.orgs.existsBy({ slug: patch.slug }))) {
      throw AppError.conflict(`The short name "${patch.slug}" is already taken.`, 'slug');
    }
    Object.assign(org, patch);
    const saved = await this.orgs.save(org);
    await this.audit.record({
      action: 'org.updated',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: org.id,
      target: { type: 'organization', id: org.id },
      ip: meta.ip,
      details: { fields: Object.keys(patch) },
    });
    return toOrganizationDto(saved);
  }

  /** Directory search by name or slug (public profile fields only); erased organizations are left out. */
  async search(text: string | undefined, limit: number): Promise<OrganizationDto[]> {
    const qb = this.orgs
      .createQueryBuilder('o')
      .where('NOT EXISTS (SELECT 1 FROM org_erasures e WHERE e.organization_id = o.id)')
      .orderBy('o.name', 'ASC')
      .take(limit);
    if (text) {
      qb.andWhere('(o.name ILIKE :pattern OR o.slug ILIKE :pattern)', {
        pattern: `%${escapeLike(text)}%`,
      });
    }
    return (await qb.getMany()).map(toOrganizationDto);
  }

  async byIds(ids: string[]): Promise<Map<string, OrganizationEntity>> {
    if (!ids.length) return new Map();
    const orgs = await this.orgs
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids })
      .getMany();
    return new Map(orgs.map((o) => [o.id, o]));
  }
}

export function toOrganizationDto(org: OrganizationEntity): OrganizationDto {
  return {
    id: org.id,
    name: org.name,
    slug: org.slug,
    country: org.country,
    focusAreas: org.focusAreas,
    website: org.website,
    description: org.description,
    createdAt: org.createdAt.toISOString(),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
