import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RegisterInput } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import { AuthService } from '../../core/auth/auth.service.js';
import type { SignedIn } from '../../core/auth/auth.service.js';
import { PasswordHasher } from '../../core/auth/password-hasher.js';
import { UsersRepository } from '../../core/auth/users.repository.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { OrgInvitesService } from '../organizations/org-invites.service.js';

/**
 * Sign-up: with an invitation the person joins that organization with the invited role; without,
 * they create a new organization and become its admin. All rows are written in one transaction.
 */
@Injectable()
export class RegistrationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly orgs: OrganizationsService,
    private readonly invites: OrgInvitesService,
    private readonly auth: AuthService,
    private readonly audit: AuditLogService,
  ) {}

  async register(input: RegisterInput, meta: RequestMeta): Promise<SignedIn> {
    const passwordHash = await this.hasher.hash(input.password);
    const user = await this.db.transaction(async (m) => {
      if (await this.users.emailExists(input.email, m)) {
        throw AppError.conflict(
          'An account with this email already exists. Sign in instead.',
          'email',
        );
      }
      let organizationId: string;
      let orgRole: 'admin' | 'member';
      let inviteId: string | null = null;
      if (input.inviteToken) {
        const invite = await this.invites.consume(input.inviteToken, input.email, m);
        organizationId = invite.organizationId;
        orgRole = invite.role;
        inviteId = invite.id;
      } else {
        const org = await this.orgs.create(input.organization!, m);
        organizationId = org.id;
        orgRole = 'admin';
      }
      const created = await this.users.create(
        { email: input.email, name: input.name, passwordHash, organizationId, orgRole },
        m,
      );
      const actor = { userId: created.id, organizationId };
      if (inviteId) {
        await this.invites.markAcceptedBy(inviteId, created.id, m);
        await this.audit.record(
          {
            action: 'org.invite-accepted',
            actor,
            organizationId,
            target: { type: 'org-invite', id: inviteId },
            ip: meta.ip,
            details: { role: orgRole },
          },
          m,
        );
      } else {
        await this.audit.record(
          {
            action: 'org.created',
            actor,
            organizationId,
            target: { type: 'organization', id: organizationId },
            ip: meta.ip,
          },
          m,
        );
      }
      await this.audit.record(
        {
          action: 'user.registered',
          actor,
          organizationId,
          target: { type: 'user', id: created.id },
          ip: meta.ip,
          details: { orgRole },
        },
        m,
      );
      return created;
    });
    return this.auth.startSession(user.id, user.organizationId, meta);
  }
}
