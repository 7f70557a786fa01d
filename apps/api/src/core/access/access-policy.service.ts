import { Injectable } from '@nestjs/common';
import {
  decideCoalitionAction,
  decideOrgAction,
  documentPermission,
  permissionAllows,
} from '@coalesce/domain';
import type {
  AccessDecision,
  CoalitionAction,
  CoalitionRole,
  DocPermission,
  OrgAction,
} from '@coalesce/domain';
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

  /** The user's permission on a document and its coalition; permission null means "may not know it exists". */
  async documentAccess(
    user: Pick<AuthUser, 'organizationId'>,
    docId: string,
  ): Promise<{
    permission: DocPermission | null;
    coalitionId: string | null;
    ownerOrgId: string | null;
    coalitionRole: CoalitionRole | null;
  }> {
    const row = await this.repo.documentAccess(docId, user.organizationId);
    if (!row) return { permission: null, coalitionId: null, ownerOrgId: null, coalitionRole: null };
    const permission = documentPermission({
      coalitionRole: row.coalitionRole,
      isOwnerOrg: row.ownerOrgId === user.organizationId,
      isPrivate: row.isPrivate,
      coalitionPermission: row.coalitionPermission,
      orgPermission: row.orgPermission,
      isArchived: row.isArchived,
    });
    return {
      permission,
      coalitionId: row.coalitionId,
      ownerOrgId: row.ownerOrgId,
      coalitionRole: row.coalitionRole,
    };
  }

  /** Throws 404 when the user may not see the document, 403 when the permission is too low. */
  async assertDocument(
    user: AuthUser,
    docId: string,
    needed: DocPermission,
  ): Promise<{ permission: DocPermission; coalitionId: string; coalitionRole: CoalitionRole }> {
    const access = await this.documentAccess(user, docId);
    if (access.permission === null) throw AppError.notFound('Document');
    if (!permissionAllows(access.permission, needed))
      throw AppError.forbidden(`You need ${needed} permission on this document.`);
    return {
      permission: access.permission,
      coalitionId: access.coalitionId!,
      coalitionRole: access.coalitionRole!,
    };
  }

  /** The organizations that may see the document (for live events and notifications). */
  async documentAudience(docId: string): Promise<Map<string, DocPermission>> {
    const anyMember = await this.repo.documentAudienceFacts(docId);
    const audience = new Map<string, DocPermission>();
    if (!anyMember.length) return audience;
    const doc = await this.repo.documentAccess(docId, anyMember[0].organizationId);
    if (!doc) return audience;
    for (const member of anyMember) {
      const permission = documentPermission({
        coalitionRole: member.role,
        isOwnerOrg: member.organizationId === doc.ownerOrgId,
        isPrivate: doc.isPrivate,
        coalitionPermission: doc.coalitionPermission,
        orgPermission: member.orgPermission,
        isArchived: doc.isArchived,
      });
      if (permission) audience.set(member.organizationId, permission);
    }
    return audience;
  }

  coalitionsOf(organizationId: string): Promise<string[]> {
    return this.repo.coalitionsOf(organizationId);
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
