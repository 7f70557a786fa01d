import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { DocPermission } from '@coalesce/domain';
import type { CaseMapLayerDto, CaseMapLayersDto, LayerGrantDto } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import type { LayerRow, MapRow } from './case-map-layers.repository.js';

/** Live event type: the layers or grants of a map changed (refresh GET layers / layer-grants). */
export const LAYERS_ENTITY = 'case-map-layers';

/**
 * Private layers of case maps: which ones a user may open (their organization's own is created on
 * first use when the organization may edit the map), and the grants with which an organization
 * lets others read its layer. Only the owner organization decides about its layer.
 */
@Injectable()
export class CaseMapLayersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: CaseMapLayersRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  /** The map (404 when the document is not a case map); the route has checked the caller may see it. */
  async requireMap(docId: string): Promise<MapRow> {
    const map = await this.repo.map(docId);
    if (!map) throw AppError.notFound('Case map');
    return map;
  }

  async layers(
    user: AuthUser,
    mapId: string,
    permission: DocPermission,
  ): Promise<CaseMapLayersDto> {
    const map = await this.requireMap(mapId);
    if (permission === 'edit') await this.repo.ensureLayer(map, user.organizationId, user.id);
    const own = await this.repo.layerOf(map.id, user.organizationId);
    const candidates = [
      ...(own ? [own] : []),
      ...(await this.repo.grantedTo(map.id, user.organizationId)),
    ];
    const layers: CaseMapLayerDto[] = [];
    for (const layer of candidates) {
      // The same rule as every socket event: what the caller may do with the layer document.
      const access = await this.policy.documentAccess(user, layer.docId);
      if (!access.permission) continue;
      layers.push({
        docId: layer.docId,
        organization: { id: layer.organizationId, name: layer.organizationName },
        permission: access.permission,
        own: layer.organizationId === user.organizationId,
      });
    }
    return { mapId: map.id, layers };
  }

  /** The organizations the caller's organization lets read its layer of the map. */
  async grants(user: AuthUser, mapId: string): Promise<LayerGrantDto[]> {
    const map = await this.requireMap(mapId);
    const own = await this.repo.layerOf(map.id, user.organizationId);
    return own ? this.repo.grants(own.docId) : [];
  }

  async grant(
    user: AuthUser,
    mapId: string,
    permission: DocPermission,
    organizationId: string,
    meta: RequestMeta | null,
  ): Promise<LayerGrantDto> {
    const map = await this.requireMap(mapId);
    this.assertLayerOwner(permission);
    await this.assertGrantee(map, user, organizationId);
    const layer = await this.repo.ensureLayer(map, user.organizationId, user.id);
    const added = await this.db.transaction((m) =>
      this.grantWithin(m, user, map, layer, organizationId, meta),
    );
    if (!added)
      throw AppError.conflict('This organization can already read your layer.', 'organizationId');
    this.announce(map, [user.organizationId, organizationId]);
    const grants = await this.repo.grants(layer.docId);
    return grants.find((g) => g.organization.id === organizationId)!;
  }

  /**
   * Grants inside a caller's transaction (resolving an access request): true when it was new. The
   * caller announces after commit with `afterGrant`.
   */
  async grantWithin(
    m: EntityManager,
    user: AuthUser,
    map: MapRow,
    layer: LayerRow,
    organizationId: string,
    meta: RequestMeta | null,
  ): Promise<boolean> {
    const inserted = await this.repo.addGrant(m, layer.docId, organizationId, user.id);
    if (inserted)
      await this.recordGrant(m, 'case-map.layer-granted', user, map, layer, organizationId, meta);
    return inserted;
  }

  afterGrant(map: MapRow, organizationIds: string[]): void {
    this.announce(map, organizationIds);
  }

  async revoke(
    user: AuthUser,
    mapId: string,
    permission: DocPermission,
    organizationId: string,
    meta: RequestMeta,
  ): Promise<void> {
    const map = await this.requireMap(mapId);
    this.assertLayerOwner(permission);
    const layer = await this.repo.layerOf(map.id, user.organizationId);
    const removed =
      layer &&
      (await this.db.transaction(async (m) => {
        const deleted = await this.repo.removeGrant(m, layer.docId, organizationId);
        if (deleted)
          await this.recordGrant(
            m,
            'case-map.layer-grant-revoked',
            user,
            map,
            layer,
            organizationId,
            meta,
          );
        return deleted;
      }));
    if (!removed) throw AppError.notFound('Grant');
    // Sockets of that organization with the layer open get doc:revoked at once.
    this.live.accessChanged({ docId: layer.docId, organizationId });
    this.announce(map, [user.organizationId, organizationId]);
  }

  /** The caller's organization decides about its own layer only when it may edit the map. */
  private assertLayerOwner(permission: DocPermission): void {
    if (permission !== 'edit')
      throw AppError.forbidden(
        'Only an organization that edits this map can share its private layer.',
      );
  }

  private async assertGrantee(map: MapRow, user: AuthUser, organizationId: string): Promise<void> {
    const invalid = (message: string) => AppError.validation([{ path: 'organizationId', message }]);
    if (organizationId === user.organizationId)
      throw invalid('Your organization already has its own layer.');
    if (!(await this.repo.isMember(map.coalitionId, organizationId)))
      throw invalid('This organization is not a member of the coalition.');
    const access = await this.policy.documentAccess({ organizationId }, map.id);
    if (!access.permission) throw invalid('This organization cannot see the map.');
  }

  private async recordGrant(
    m: EntityManager,
    action: 'case-map.layer-granted' | 'case-map.layer-grant-revoked',
    user: AuthUser,
    map: MapRow,
    layer: LayerRow,
    organizationId: string,
    meta: RequestMeta | null,
  ): Promise<void> {
    await this.audit.record(
      {
        action,
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        coalitionId: map.coalitionId,
        target: { type: 'case-map-layer', id: layer.docId },
        ip: meta?.ip ?? null,
        details: { mapId: map.id, layerOwnerOrgId: layer.organizationId, organizationId },
      },
      m,
    );
  }

  private announce(map: MapRow, organizationIds: string[]): void {
    this.live.entityChanged({
      coalitionId: map.coalitionId,
      type: LAYERS_ENTITY,
      id: map.id,
      action: 'updated',
      organizationIds: [...new Set(organizationIds)],
    });
  }
}
