import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type {
  CoalitionInviteCreate,
  CoalitionInviteDto,
  InvitePreviewDto,
} from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { hashToken, newSecretToken } from '../../core/auth/secret-token.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { CoalitionEntity } from './coalition.entity.js';
import { CoalitionInviteEntity } from './coalition-invite.entity.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { CoalitionMembersRepository } from './coalition-members.repository.js';

/**
 * Coordinators invite another organization with a role; an admin of that organization accepts,
 * either from their organization's inbox or with the link's token.
 */
@Injectable()
export class CoalitionInvitesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectRepository(CoalitionInviteEntity)
    private readonly invites: Repository<CoalitionInviteEntity>,
    private readonly members: CoalitionMembersRepository,
    private readonly orgs: OrganizationsService,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  async create(
    user: AuthUser,
    coalitionId: string,
    input: CoalitionInviteCreate,
    meta: RequestMeta,
  ): Promise<CoalitionInviteDto> {
    const org = await this.orgs.get(input.organizationId).catch(() => {
      throw AppError.validation([
        { path: 'organizationId', message: 'No organization with this id.' },
      ]);
    });
    if (await this.members.find(coalitionId, org.id)) {
      throw AppError.conflict(
        `${org.name} is already a member of this coalition.`,
        'organizationId',
      );
    }
    const pending = await this.invites
      .createQueryBuilder('i')
      .where('i.coalitionId = :coalitionId AND i.organizationId = :orgId', {
        coalitionId,
        orgId: org.id,
      })
      .andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()')
      .getExists();
    if (pending)
      throw AppError.conflict(
        `${org.name} already has a pending invitation. Revoke it to send a new one.`,
        'organizationId',
      );
    const token = newSecretToken();
    const invite = await this.invites.save(
      this.invites.create({
        coalitionId,
        organizationId: org.id,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + input.ttlDays * 86_400_000),
        createdByUserId: user.id,
      }),
    );
    await this.audit.record({
      action: 'coalition.invite-created',
      actor: { userId: user.id, organizationId: user.organizationId },
      coalitionId,
      organizationId: org.id,
      target: { type: 'coalition-invite', id: invite.id },
      ip: meta.ip,
      details: { role: input.role, expiresAt: invite.expiresAt.toISOString() },
    });
    return { ...(await this.toDtos([invite]))[0], token };
  }

  async listForCoalition(coalitionId: string): Promise<CoalitionInviteDto[]> {
    return this.toDtos(
      await this.invites.find({ where: { coalitionId }, order: { createdAt: 'DESC' }, take: 200 }),
    );
  }

  /** Pending invitations addressed to the organization. */
  async listPendingForOrganization(organizationId: string): Promise<CoalitionInviteDto[]> {
    const rows = await this.invites
      .createQueryBuilder('i')
      .where('i.organizationId = :organizationId', { organizationId })
      .andWhere('i.acceptedAt IS NULL AND i.revokedAt IS NULL AND i.expiresAt > now()')
      .orderBy('i.createdAt', 'DESC')
      .getMany();
    return this.toDtos(rows);
  }

  async revoke(
    user: AuthUser,
    coalitionId: string,
    inviteId: string,
    meta: RequestMeta,
  ): Promise<void> {
    const result = await this.invites.update(
      { id: inviteId, coalitionId, acceptedAt: IsNull(), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw AppError.notFound('Pending invite');
    await this.audit.record({
      action: 'coalition.invite-revoked',
      actor: { userId: user.id, organizationId: user.organizationId },
      coalitionId,
      target: { type: 'coalition-invite', id: inviteId },
      ip: meta.ip,
    });
  }

  /** What a coalition invitation link offers; only the invited organization may look (else 404). */
  async preview(user: AuthUser, token: string): Promise<InvitePreviewDto> {
    const invite = await this.invites
      .createQueryBuilder('i')
      .where('i.tokenHash = :hash', { hash: hashToken(token) })
      .getOne();
    if (!invite || invite.revokedAt || invite.organizationId !== user.organizationId)
      throw AppError.notFound('Invitation');
    if (invite.acceptedAt)
      throw new AppError('INVITE_USED', 'This invitation has already been used.');
    if (invite.expiresAt <= new Date())
      throw new AppError(
        'INVITE_EXPIRED',
        'This invitation has expired. Ask the coordinator for a new one.',
      );
    const [dto] = await this.toDtos([invite]);
    return {
      kind: 'coalition',
      name: dto.coalition.name,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    };
  }

  /** An admin of the invited organization accepts, by token or by invite id. Returns the coalition id. */
  async accept(
    user: AuthUser,
    by: { token: string } | { inviteId: string },
    meta: RequestMeta,
  ): Promise<{ coalitionId: string }> {
    const joined = await this.db.transaction(async (m) => {
      const invite = await this.findForAccept(m, by);
      if (!invite || invite.revokedAt || invite.organizationId !== user.organizationId)
        throw AppError.notFound('Invitation');
      if (invite.acceptedAt)
        throw new AppError('INVITE_USED', 'This invitation has already been used.');
      if (invite.expiresAt <= new Date())
        throw new AppError(
          'INVITE_EXPIRED',
          'This invitation has expired. Ask the coordinator for a new one.',
        );
      if (await this.members.find(invite.coalitionId, invite.organizationId, m)) {
        throw AppError.conflict('Your organization is already a member of this coalition.');
      }
      await m
        .getRepository(CoalitionInviteEntity)
        .update({ id: invite.id }, { acceptedAt: new Date(), acceptedByUserId: user.id });
      await this.members.add(invite.coalitionId, invite.organizationId, invite.role, m);
      await this.audit.record(
        {
          action: 'coalition.invite-accepted',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId: invite.coalitionId,
          organizationId: user.organizationId,
          target: { type: 'coalition-invite', id: invite.id },
          ip: meta.ip,
          details: { role: invite.role },
        },
        m,
      );
      return { coalitionId: invite.coalitionId };
    });
    // After commit: the organization's open sockets join the coalition's room, members' lists refresh.
    this.live.accessChanged({
      coalitionId: joined.coalitionId,
      organizationId: user.organizationId,
    });
    this.live.entityChanged({
      coalitionId: joined.coalitionId,
      type: 'coalition-member',
      id: user.organizationId,
      action: 'created',
    });
    return joined;
  }

  private findForAccept(
    m: EntityManager,
    by: { token: string } | { inviteId: string },
  ): Promise<CoalitionInviteEntity | null> {
    const qb = m
      .getRepository(CoalitionInviteEntity)
      .createQueryBuilder('i')
      .setLock('pessimistic_write');
    if ('token' in by) qb.where('i.tokenHash = :hash', { hash: hashToken(by.token) });
    else qb.where('i.id = :id', { id: by.inviteId });
    return qb.getOne();
  }

  private async toDtos(invites: CoalitionInviteEntity[]): Promise<CoalitionInviteDto[]> {
    const orgs = await this.orgs.byIds([...new Set(invites.map((i) => i.organizationId))]);
    const coalitionIds = [...new Set(invites.map((i) => i.coalitionId))];
    const coalitions = coalitionIds.length
      ? await this.db
          .getRepository(CoalitionEntity)
          .createQueryBuilder('c')
          .where('c.id IN (:...ids)', { ids: coalitionIds })
          .getMany()
      : [];
    const names = new Map(coalitions.map((c) => [c.id, c.name]));
    return invites.map((i) => ({
      id: i.id,
      coalition: { id: i.coalitionId, name: names.get(i.coalitionId) ?? '' },
      organization: { id: i.organizationId, name: orgs.get(i.organizationId)?.name ?? '' },
      role: i.role,
      expiresAt: i.expiresAt.toISOString(),
      createdAt: i.createdAt.toISOString(),
      acceptedAt: i.acceptedAt?.toISOString() ?? null,
      revokedAt: i.revokedAt?.toISOString() ?? null,
    }));
  }
}
