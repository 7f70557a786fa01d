import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { OrgRole } from '@coalesce/domain';
import type { AuditAction, OrgMemberDto } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { TwoFactorService } from '../../core/auth/mfa/two-factor.service.js';
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
    private readonly twoFactor: TwoFactorService,
  ) {}

  async list(organizationId: string): Promise<OrgMemberDto[]> {
    const users = await this.users.listByOrganization(organizationId);
    const withTwoFactor = await this.twoFactor.enabledAmong(users.map((u) => u.id));
    return users.map((u) => toMemberDto(u, withTwoFactor.has(u.id)));
  }

  /**
   * Resets the second factor of a member who lost their authenticator and recovery codes: it is
   * removed and every session of theirs ends, so the next sign-in is with the password alone
   * (followed by a new enrolment where the organization requires two-factor). Audited.
   */
  async resetTwoFactor(admin: AuthUser, userId: string, meta: RequestMeta): Promise<OrgMemberDto> {
    if (userId === admin.id)
      throw AppError.forbidden('Manage your own second factor in your account settings.');
    return this.db.transaction(async (m) => {
      const target = await this.member(admin, userId, m);
      if (!(await this.twoFactor.reset(target.id, m)))
        throw AppError.conflict(`${target.name} has no second factor to reset.`);
      await this.sessions.revokeAllForUser(target.id, 'mfa-reset', undefined, m);
      await this.recordOnMember(admin, target.id, 'auth.mfa-reset', meta, m);
      return toMemberDto(target, false);
    });
  }

  /** An audit entry by the admin about one member of their organization. */
  private recordOnMember(
    admin: AuthUser,
    userId: string,
    action: AuditAction,
    meta: RequestMeta,
    m: EntityManager,
    details?: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(
      {
        action,
        actor: { userId: admin.id, organizationId: admin.organizationId },
        organizationId: admin.organizationId,
        target: { type: 'user', id: userId },
        ip: meta.ip,
        ...(details ? { details } : {}),
      },
      m,
    );
  }

  /** Inside the caller's transaction: the embedded database's pool has a single connection. */
  private async dto(user: UserEntity, m: EntityManager): Promise<OrgMemberDto> {
    return toMemberDto(user, (await this.twoFactor.enabledAmong([user.id], m)).has(user.id));
  }

  async setRole(
    admin: AuthUser,
    userId: string,
    role: OrgRole,
    meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.db.transaction(async (m) => {
      const target = await this.member(admin, userId, m);
      if (target.orgRole === role) return this.dto(target, m);
      // Only demoting an active admin can leave the organization without one.
      if (target.orgRole === 'admin' && role !== 'admin' && !target.disabledAt)
        await this.keepOneAdmin(admin.organizationId, m);
      await this.users.update(target.id, { orgRole: role }, m);
      await this.recordOnMember(admin, target.id, 'user.role-changed', meta, m, {
        from: target.orgRole,
        to: role,
      });
      return this.dto({ ...target, orgRole: role } as UserEntity, m);
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
      if (Boolean(target.disabledAt) === disabled) return this.dto(target, m);
      if (disabled && target.orgRole === 'admin') await this.keepOneAdmin(admin.organizationId, m);
      const disabledAt = disabled ? new Date() : null;
      await this.users.update(target.id, { disabledAt }, m);
      if (disabled) await this.sessions.revokeAllForUser(target.id, 'user-disabled', undefined, m);
      await this.recordOnMember(
        admin,
        target.id,
        disabled ? 'user.disabled' : 'user.enabled',
        meta,
        m,
      );
      return this.dto({ ...target, disabledAt } as UserEntity, m);
    });
  }

  private async member(admin: AuthUser, userId: string, m: EntityManager): Promise<UserEntity> {
    const target = await this.users.findById(userId, m);
    if (!target || target.organizationId !== admin.organizationId)
      throw AppError.notFound('Member');
    return target;
  }

  private async keepOneAdmin(organizationId: string, m: EntityManager): Promise<void> {
    if ((await this.users.countActiveAdmins(organizationId, m)) <= 1) {
      throw new AppError(
        'LAST_ADMIN',
        'An organization needs at least one active admin. Make someone else admin first.',
      );
    }
  }
}

function toMemberDto(user: UserEntity, twoFactorEnabled: boolean): OrgMemberDto {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    orgRole: user.orgRole,
    disabled: user.disabledAt !== null,
    twoFactorEnabled,
    createdAt: user.createdAt.toISOString(),
  };
}
