import { Injectable } from '@nestjs/common';
import {
  decideCoalitionAction,
  decideOrgAction,
  documentPermission,
  layerPermission,
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
import type { DocumentAccessRow } from './access.repository.js';

/** The case map a private layer belongs to, and the organization that owns the layer. */
export interface LayerOf {
  mapId: string;
  ownerOrgId: string;
}

export interface DocumentAccess {
  permission: DocPermission | null;
  coalitionId: string | null;
  ownerOrgId: string | null;
  coalitionRole: CoalitionRole | null;
  /** Set when the document is a private layer of a case map (and the caller may open it). */
  layer: LayerOf | null;
}

const NO_ACCESS: DocumentAccess = {
  permission: null,
  coalitionId: null,
  ownerOrgId: null,
  coalitionRole: null,
  layer: null,
};

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

  /**
   * The user's permission on a document and its coalition; permission null means "may not know it
   * exists". A private layer of a case map follows `layerPermission` (its owner organization edits
   * as far as it may edit the map, organizations it granted view, nobody else even sees it).
   */
  async documentAccess(
    user: Pick<AuthUser, 'organizationId'>,
    docId: string,
  ): Promise<DocumentAccess> {
    const row = await this.repo.documentAccess(docId, user.organizationId);
    if (!row) return NO_ACCESS;
    const permission =
      row.kind === 'case-map-layer'
        ? await this.layerPermissionOf(user.organizationId, row)
        : documentPermissionOf(user.organizationId, row);
    return {
      permission,
      coalitionId: row.coalitionId,
      ownerOrgId: row.ownerOrgId,
      coalitionRole: row.coalitionRole,
      layer:
        row.layer && permission !== null
          ? { mapId: row.layer.mapId, ownerOrgId: row.layer.ownerOrgId }
          : null,
    };
  }

  private async layerPermissionOf(
    organizationId: string,
    row: DocumentAccessRow,
  ): Promise<DocPermission | null> {
    if (!row.layer) return null;
    const map = await this.repo.documentAccess(row.layer.mapId, organizationId);
    if (!map || map.kind !== 'case-map') return null;
    return layerPermission({
      coalitionRole: row.coalitionRole,
      mapPermission: documentPermissionOf(organizationId, map),
      isLayerOwnerOrg: row.layer.ownerOrgId === organizationId,
      isGrantedOrg: row.layer.isGranted,
    });
  }

  /** Throws 404 when the user may not see the document, 403 when the permission is too low. */
  async assertDocument(
    user: AuthUser,
    docId: string,
    needed: DocPermission,
  ): Promise<{ permission: DocPermission; coalitionId: string; coalitionRole: CoalitionRole }> {
    const access = await this.documentAccess(user, docId);
    // A private layer is reached over /collab and the case-map routes, never as a document.
    if (access.permission === null || access.layer) throw AppError.notFound('Document');
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
      const permission =
        doc.kind === 'case-map-layer'
          ? (await this.documentAccess({ organizationId: member.organizationId }, docId)).permission
          : documentPermissionOf(member.organizationId, {
              ...doc,
              coalitionRole: member.role,
              orgPermission: member.orgPermission,
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

function documentPermissionOf(
  organizationId: string,
  row: DocumentAccessRow,
): DocPermission | null {
  return documentPermission({
    coalitionRole: row.coalitionRole,
    isOwnerOrg: row.ownerOrgId === organizationId,
    isPrivate: row.isPrivate,
    coalitionPermission: row.coalitionPermission,
    orgPermission: row.orgPermission,
    isArchived: row.isArchived,
  });
}

function enforce(decision: AccessDecision, what: string): void {
  if (decision === 'not-found') throw AppError.notFound(what);
  if (decision === 'forbidden') throw AppError.forbidden();
}
