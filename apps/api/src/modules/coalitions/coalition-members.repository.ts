import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { CoalitionRole } from '@coalesce/domain';
import type { CoalitionMemberDto } from '@coalesce/protocol';
import { CoalitionMemberEntity } from './coalition-member.entity.js';

/** Membership rows of coalitions, with the organization fields the UI shows. */
@Injectable()
export class CoalitionMembersRepository {
  constructor(
    @InjectRepository(CoalitionMemberEntity)
    private readonly members: Repository<CoalitionMemberEntity>,
  ) {}

  find(
    coalitionId: string,
    organizationId: string,
    manager?: EntityManager,
  ): Promise<CoalitionMemberEntity | null> {
    return this.repo(manager).findOneBy({ coalitionId, organizationId });
  }

  async list(coalitionId: string): Promise<CoalitionMemberDto[]> {
    const rows: Array<{
      id: string;
      name: string;
      slug: string;
      country: string;
      role: CoalitionRole;
      joined_at: Date;
    }> = await this.members.query(
      `SELECT o.id, o.name, o.slug, o.country, m.role, m.joined_at
         FROM coalition_members m JOIN organizations o ON o.id = m.organization_id
        WHERE m.coalition_id = $1
        ORDER BY CASE m.role WHEN 'coordinator' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, o.name`,
      [coalitionId],
    );
    return rows.map((r) => ({
      organization: { id: r.id, name: r.name, slug: r.slug, country: r.country.trim() },
      role: r.role,
      joinedAt: new Date(r.joined_at).toISOString(),
    }));
  }

  count(coalitionId: string): Promise<number> {
    return this.members.countBy({ coalitionId });
  }

  countByRole(coalitionId: string, role: CoalitionRole, manager?: EntityManager): Promise<number> {
    return this.repo(manager).countBy({ coalitionId, role });
  }

  async add(
    coalitionId: string,
    organizationId: string,
    role: CoalitionRole,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .getRepository(CoalitionMemberEntity)
      .insert({ coalitionId, organizationId, role });
  }

  async setRole(
    coalitionId: string,
    organizationId: string,
    role: CoalitionRole,
    manager: EntityManager,
  ): Promise<void> {
    await manager
      .getRepository(CoalitionMemberEntity)
      .update({ coalitionId, organizationId }, { role });
  }

  /** Removes the org from the coalition and from its working groups. */
  async remove(coalitionId: string, organizationId: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `DELETE FROM working_group_members wm USING working_groups g
        WHERE wm.working_group_id = g.id AND g.coalition_id = $1 AND wm.organization_id = $2`,
      [coalitionId, organizationId],
    );
    await manager.getRepository(CoalitionMemberEntity).delete({ coalitionId, organizationId });
  }

  private repo(manager?: EntityManager): Repository<CoalitionMemberEntity> {
    return manager ? manager.getRepository(CoalitionMemberEntity) : this.members;
  }
}
