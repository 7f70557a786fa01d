import { Injectable } from '@nestjs/common';
import type { MeDto } from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { TwoFactorService } from '../../core/auth/mfa/two-factor.service.js';
import { UsersRepository } from '../../core/auth/users.repository.js';
import { AppError } from '../../core/errors/app-error.js';
import { CoalitionsService } from '../coalitions/coalitions.service.js';
import { OrganizationsService } from '../organizations/organizations.service.js';

/** The signed-in user with their organization and coalitions (what the app needs to start). */
@Injectable()
export class MeService {
  constructor(
    private readonly users: UsersRepository,
    private readonly orgs: OrganizationsService,
    private readonly coalitions: CoalitionsService,
    private readonly twoFactor: TwoFactorService,
  ) {}

  async me(auth: AuthUser): Promise<MeDto> {
    const [user, org, coalitions, factors] = await Promise.all([
      this.users.findById(auth.id),
      this.orgs.get(auth.organizationId),
      this.coalitions.listForOrganization(auth.organizationId),
      this.twoFactor.facts(auth.id),
    ]);
    if (!user) throw AppError.notFound('User');
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      orgRole: user.orgRole,
      organization: { id: org.id, name: org.name, slug: org.slug },
      coalitions: coalitions.map((c) => ({ id: c.id, name: c.name, slug: c.slug, role: c.role })),
      createdAt: user.createdAt.toISOString(),
      twoFactor: {
        enabled: factors.enabled,
        requiredByOrganization: factors.requiredByOrganization,
        enrolmentRequired: factors.requiredByOrganization && !factors.enabled,
      },
    };
  }

  async rename(auth: AuthUser, name: string): Promise<MeDto> {
    await this.users.update(auth.id, { name });
    return this.me(auth);
  }
}
