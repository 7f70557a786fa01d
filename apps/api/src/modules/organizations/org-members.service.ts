import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OrgRole } from '@coalesce/domain';
import type { OrgMemberDto } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { SessionsService } from '../../core/auth/sessions.service.js';
import type { UserEntity } from '../../core/auth/user.entity.js';
import { UsersRepository } from '../../core/auth/users.repository.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';

/** An organization admin's work on the people of their organization. */
@Injectable()
export class OrgMembersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly sessions: SessionsService,
    private readonly audit: AuditLogService,
  ) {}

  async list(organizationId: string): Promise<OrgMemberDto[]> {
    return (await this.users.listByOrganization(organizationId)).map(toMemberDto);
  }

  async setRole(
    admin: AuthUser,
    userId: string,
    role: OrgRole,
    meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.db.transaction(async (m) => {
      const target = await this.member(admin, userId, m);
      if (target.orgRole === role) return toMemberDto(target);
      // Only demoting an active admin can leave the organization without one.
      if (target.orgRole === 'admin' && role !== 'admin' && !target.disabledAt)
        await this.keepOneAdmin(admin.organizationId, m);
      await this.users.update(target.id, { orgRole: role }, m);
      await this.audit.record(
        {
          action: 'user.role-changed',
          actor: { userId: admin.id, organizationId: admin.organizationId },
          organizationId: admin.organizationId,
          target: { type: 'user', id: target.id },
          ip: meta.ip,
          details: { from: target.orgRole, to: role },
        },
        m,
      );
      return toMemberDto({ ...target, orgRole: role } as UserEntity);
    });
  }

  /** Disables an account and ends all its sessions at once. */
  async setDisabled(
    admin: AuthUser,
    userId: string,
    disabled: boolean,
    meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    if (disabled && userId === admin.id)
      throw AppError.forbidden('You cannot disable your own account.');
    return this.db.transaction(async (m) => {
      const target = await this.member(admin, userId, m);
      if (Boolean(target.disabledAt) === disabled) return toMemberDto(target);
      if (disabled && target.orgRole === 'admin') await this.keepOneAdmin(admin.organizationId, m);
      const disabledAt = disabled ? new Date() : null;
      await this.users.update(target.id, { disabledAt }, m);
      if (disabled) await this.sessions.revokeAllForUser(target.id, 'user-disabled', undefined, m);
      await this.audit.record(
        {
          action: disabled ? 'user.disabled' : 'user.enabled',
          actor: { userId: admin.id, organizationId: admin.organizationId },
          organizationId: admin.organizationId,
          target: { type: 'user', id: target.id },
          ip: meta.ip,
        },
        m,
      );
      return toMemberDto({ ...target, disabledAt } as UserEntity);
    });
  }

  private async member(
    admin: AuthUser,
    userId: string,
    m: import('typeorm').EntityManager,
  ): Promise<UserEntity> {
    const target = await this.users.findById(userId, m);
    if (!target || target.organizationId !== admin.organizationId)
      throw AppError.notFound('Member');
    return target;
  }

  private async keepOneAdmin(
    organizationId: string,
    m: import('typeorm').EntityManager,
  ): Promise<void> {
    if ((await this.users.countActiveAdmins(organizationId, m)) <= 1) {
      throw new AppError(
        'LAST_ADMIN',
        'An organization needs at least one active admin. Make someone else admin first.',
      );
    }
  }
}

function toMemberDto(user: UserEntity): OrgMemberDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    orgRole: user.orgRole,
    disabled: user.disabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}
