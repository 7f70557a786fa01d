import { Injectable } from '@nestjs/common';
import { decideCoalitionAction, decideOrgAction } from '@coalesce/domain';
import type { AccessDecision, CoalitionAction, CoalitionRole, OrgAction } from '@coalesce/domain';
import type { AuthUser } from '../auth/auth-user.js';
import { AppError } from '../errors/app-error.js';
import { AccessRepository } from './access.repository.js';

/**
 * The one place that answers "may this user do this to that". REST guards and socket handlers
 * both call it. Rules live in libs/domain; this service loads the facts they need.
 */
@Injectable()
export class AccessPolicy {
  constructor(private readonly repo: AccessRepository) {}

  async decideCoalition(
    user: AuthUser,
    coalitionId: string,
    action: CoalitionAction,
  ): Promise<{ decision: AccessDecision; role: CoalitionRole | null }> {
    const role = await this.repo.coalitionRole(user.organizationId, coalitionId);
    return {
      decision: decideCoalitionAction({ orgRole: user.orgRole, coalitionRole: role }, action),
      role,
    };
  }

  /** Returns the caller's coalition role, or throws 404 for outsiders and 403 for too-low roles. */
  async assertCoalition(
    user: AuthUser,
    coalitionId: string,
    action: CoalitionAction,
  ): Promise<CoalitionRole> {
    const { decision, role } = await this.decideCoalition(user, coalitionId, action);
    enforce(decision, 'Coalition');
    return role as CoalitionRole;
  }

  async assertOrg(user: AuthUser, organizationId: string, action: OrgAction): Promise<void> {
    const orgRole = organizationId === user.organizationId ? user.orgRole : null;
    const decision = decideOrgAction({ orgRole }, action);
    if (
      decision === 'allow' &&
      orgRole === null &&
      !(await this.repo.organizationExists(organizationId))
    ) {
      throw AppError.notFound('Organization');
    }
    enforce(decision, 'Organization');
  }
}

function enforce(decision: AccessDecision, what: string): void {
  if (decision === 'not-found') throw AppError.notFound(what);
  if (decision === 'forbidden') throw AppError.forbidden();
}
