import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { OrgSecuritySettingsDto, OrgSecurityUpdate } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { TwoFactorService } from '../../core/auth/mfa/two-factor.service.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { OrganizationEntity } from './organization.entity.js';

/**
 * An organization's security settings: whether its members must use two-factor. While it is on,
 * a member without two-factor may sign in but only set it up (or sign out); the Authenticator
 * enforces that on every request and socket handshake.
 */
@Injectable()
export class OrgSecurityService {
  constructor(
    @InjectRepository(OrganizationEntity) private readonly orgs: Repository<OrganizationEntity>,
    private readonly twoFactor: TwoFactorService,
    private readonly audit: AuditLogService,
  ) {}

  async get(organizationId: string): Promise<OrgSecuritySettingsDto> {
    const org = await this.orgs.findOneBy({ id: organizationId });
    if (!org) throw AppError.notFound('Organization');
    return {
      organizationId: org.id,
      requireTwoFactor: org.requireTwoFactor,
      membersWithoutTwoFactor: await this.twoFactor.countWithoutTwoFactor(org.id),
    };
  }

  async update(
    user: AuthUser,
    organizationId: string,
    patch: OrgSecurityUpdate,
    meta: RequestMeta,
  ): Promise<OrgSecuritySettingsDto> {
    const org = await this.orgs.findOneBy({ id: organizationId });
    if (!org) throw AppError.notFound('Organization');
    if (patch.requireTwoFactor && !(await this.twoFactor.isEnabled(user.id))) {
      throw AppError.conflict(
        'Turn on two-factor authentication for your own account first, then require it of your members.',
        'requireTwoFactor',
      );
    }
    if (org.requireTwoFactor !== patch.requireTwoFactor) {
      await this.orgs.update({ id: org.id }, { requireTwoFactor: patch.requireTwoFactor });
      await this.audit.record({
        action: 'org.mfa-requirement-changed',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: org.id,
        target: { type: 'organization', id: org.id },
        ip: meta.ip,
        details: { requireTwoFactor: patch.requireTwoFactor },
      });
    }
    return this.get(org.id);
  }
}
