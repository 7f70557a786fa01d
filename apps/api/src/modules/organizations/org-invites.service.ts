import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { InviteDto, InvitePreviewDto, OrgInviteCreate } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { hashToken, newSecretToken } from '../../core/auth/secret-token.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { OrgInviteEntity } from './org-invite.entity.js';
import { OrganizationEntity } from './organization.entity.js';

/** Invitation links for people to join an organization. Tokens are shown once and stored hashed. */
@Injectable()
export class OrgInvitesService {
  constructor(
    @InjectRepository(OrgInviteEntity) private readonly invites: Repository<OrgInviteEntity>,
    private readonly audit: AuditLogService,
  ) {}

  async create(admin: AuthUser, input: OrgInviteCreate, meta: RequestMeta): Promise<InviteDto> {
    const token = newSecretToken();
    const invite = await this.invites.save(
      this.invites.create({
        organizationId: admin.organizationId,
        email: input.email?.toLowerCase() ?? null,
        role: input.role,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + input.ttlDays * 86_400_000),
        createdByUserId: admin.id,
      }),
    );
    await this.audit.record({
      action: 'org.invite-created',
      actor: { userId: admin.id, organizationId: admin.organizationId },
      organizationId: admin.organizationId,
      target: { type: 'org-invite', id: invite.id },
      ip: meta.ip,
      details: { role: input.role, email: invite.email, expiresAt: invite.expiresAt.toISOString() },
    });
    return { ...toInviteDto(invite), token };
  }

  async list(organizationId: string): Promise<InviteDto[]> {
    const rows = await this.invites.find({
      where: { organizationId },
      order: { createdAt: 'DESC' },
      take: 200,
    });
    return rows.map(toInviteDto);
  }

  async revoke(admin: AuthUser, inviteId: string, meta: RequestMeta): Promise<void> {
    const result = await this.invites.update(
      {
        id: inviteId,
        organizationId: admin.organizationId,
        acceptedAt: IsNull(),
        revokedAt: IsNull(),
      },
      { revokedAt: new Date() },
    );
    if (!result.affected) throw AppError.notFound('Pending invite');
    await this.audit.record({
      action: 'org.invite-revoked',
      actor: { userId: admin.id, organizationId: admin.organizationId },
      organizationId: admin.organizationId,
      target: { type: 'org-invite', id: inviteId },
      ip: meta.ip,
    });
  }

  async preview(token: string): Promise<InvitePreviewDto> {
    const invite = await this.usable(token, this.invites.manager);
    const org = await this.invites.manager
      .getRepository(OrganizationEntity)
      .findOneByOrFail({ id: invite.organizationId });
    return {
      kind: 'organization',
      name: org.name,
      role: invite.role,
      expiresAt: invite.expiresAt.toISOString(),
    };
  }

  /** Marks the invite used by a new account, inside the sign-up transaction. */
  async consume(token: string, email: string, manager: EntityManager): Promise<OrgInviteEntity> {
    const invite = await this.usable(token, manager, true);
    if (invite.email && invite.email !== email.toLowerCase()) {
      throw AppError.validation([
        { path: 'email', message: 'This invitation is for another email address.' },
      ]);
    }
    invite.acceptedAt = new Date();
    await manager
      .getRepository(OrgInviteEntity)
      .update({ id: invite.id }, { acceptedAt: invite.acceptedAt });
    return invite;
  }

  async markAcceptedBy(inviteId: string, userId: string, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(OrgInviteEntity)
      .update({ id: inviteId }, { acceptedByUserId: userId });
  }

  private async usable(
    token: string,
    manager: EntityManager,
    lock = false,
  ): Promise<OrgInviteEntity> {
    const qb = manager
      .getRepository(OrgInviteEntity)
      .createQueryBuilder('i')
      .where('i.tokenHash = :hash', { hash: hashToken(token) });
    if (lock) qb.setLock('pessimistic_write');
    const invite = await qb.getOne();
    if (!invite || invite.revokedAt) throw AppError.notFound('Invitation');
    if (invite.acceptedAt)
      throw new AppError('INVITE_USED', 'This invitation has already been used.');
    if (invite.expiresAt <= new Date())
      throw new AppError('INVITE_EXPIRED', 'This invitation has expired. Ask for a new one.');
    return invite;
  }
}

function toInviteDto(invite: OrgInviteEntity): InviteDto {
  return {
    id: invite.id,
    role: invite.role,
    email: invite.email,
    expiresAt: invite.expiresAt.toISOString(),
    createdAt: invite.createdAt.toISOString(),
    acceptedAt: invite.acceptedAt?.toISOString() ?? null,
    revokedAt: invite.revokedAt?.toISOString() ?? null,
  };
}
