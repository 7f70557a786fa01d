import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { readMap } from '@coalesce/case-map';
import type { CoalitionRole, DocPermission } from '@coalesce/domain';
import type {
  AccessRequestCreate,
  AccessRequestDto,
  AccessRequestResolve,
} from '@coalesce/protocol';
import { uuidSchema } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { AccessRequestNotices } from './access-request-notices.js';
import { AccessRequestsRepository } from './access-requests.repository.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import type { MapRow } from './case-map-layers.repository.js';
import { CaseMapLayersService } from './case-map-layers.service.js';
import { MapDocuments } from './map-documents.js';
import { NodeSharingService } from './node-sharing.service.js';

/**
 * Requests for the details of a restricted node. A member organization that sees the stub asks; the
 * owner organization's people are notified and answer: grant the whole layer, share the node with
 * everyone, or decline. The server reads only the stub (type and owner) from the shared map.
 */
@Injectable()
export class AccessRequestsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: AccessRequestsRepository,
    private readonly layersRepo: CaseMapLayersRepository,
    private readonly layers: CaseMapLayersService,
    private readonly documents: MapDocuments,
    private readonly sharing: NodeSharingService,
    private readonly notices: AccessRequestNotices,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditLogService,
  ) {}

  async create(
    user: AuthUser,
    mapId: string,
    role: CoalitionRole,
    input: AccessRequestCreate,
    meta: RequestMeta,
  ): Promise<AccessRequestDto> {
    const map = await this.layers.requireMap(mapId);
    if (role === 'observer')
      throw AppError.forbidden('Observer organizations cannot request access to restricted nodes.');
    const stub = await this.restrictedStub(map, input.nodeId);
    if (stub.ownerOrgId === user.organizationId)
      throw AppError.validation([
        { path: 'nodeId', message: 'This node belongs to your organization.' },
      ]);
    const ownerLayer = await this.layersRepo.layerOf(map.id, stub.ownerOrgId);
    if (ownerLayer && (await this.policy.documentAccess(user, ownerLayer.docId)).permission)
      throw AppError.conflict('Your organization can already read this node.', 'nodeId');
    const request = {
      mapId: map.id,
      nodeId: input.nodeId,
      nodeType: stub.type,
      ownerOrgId: stub.ownerOrgId,
      requestingOrgId: user.organizationId,
      requestedByUserId: user.id,
      message: input.message,
    };
    const id = await this.db.transaction(async (m) => {
      const created = await this.repo.insert(m, request);
      if (!created)
        throw AppError.conflict(
          'Your organization already asked for this node; the request is pending.',
          'nodeId',
        );
      await this.audit.record(
        {
          action: 'case-map.access-requested',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId: stub.ownerOrgId,
          coalitionId: map.coalitionId,
          target: { type: 'case-map-access-request', id: created },
          ip: meta.ip,
          details: { mapId: map.id, nodeId: input.nodeId, ownerOrgId: stub.ownerOrgId },
        },
        m,
      );
      return created;
    });
    await this.notices.requested(map, { id, ...request }, input.message);
    return this.repo.dto(id);
  }

  /** The owner organization sees the requests it received, others the ones they made. */
  async list(user: AuthUser, mapId: string): Promise<AccessRequestDto[]> {
    const map = await this.layers.requireMap(mapId);
    return this.repo.listFor(map.id, user.organizationId);
  }

  async resolve(
    user: AuthUser,
    mapId: string,
    permission: DocPermission,
    requestId: string,
    input: AccessRequestResolve,
    meta: RequestMeta,
  ): Promise<AccessRequestDto> {
    const map = await this.layers.requireMap(mapId);
    const request = await this.repo.find(map.id, requestId);
    if (
      !request ||
      (request.ownerOrgId !== user.organizationId &&
        request.requestingOrgId !== user.organizationId)
    )
      throw AppError.notFound('Access request');
    if (request.ownerOrgId !== user.organizationId || permission !== 'edit')
      throw AppError.forbidden(
        'Only the organization that holds the node can answer this request.',
      );
    if (request.status !== 'pending') throw AppError.conflict('This request was already answered.');
    if (input.decision === 'share-node') {
      const shared = await this.sharing.share(user, map, request.nodeId, meta, 'access-request');
      if (!shared.resolved.some((r) => r.id === requestId))
        throw AppError.conflict('This request was already answered.');
      await this.recordResolution(null, user, map, requestId, input.decision, meta);
      return this.repo.dto(requestId);
    }
    const layer =
      input.decision === 'grant-layer'
        ? await this.layersRepo.ensureLayer(map, user.organizationId, user.id)
        : null;
    const status = input.decision === 'grant-layer' ? 'granted-layer' : 'declined';
    const resolved = await this.db.transaction(async (m) => {
      const rows = await this.repo.resolve(m, { requestId }, status, user.id);
      if (!rows.length) throw AppError.conflict('This request was already answered.');
      if (layer) await this.layers.grantWithin(m, user, map, layer, request.requestingOrgId, meta);
      await this.recordResolution(m, user, map, requestId, input.decision, meta);
      return rows;
    });
    if (layer) this.layers.afterGrant(map, [user.organizationId, request.requestingOrgId]);
    await this.notices.resolved(map, resolved, user.id);
    return this.repo.dto(requestId);
  }

  /** The restricted node's stub on the shared map (garbage and other nodes: 404). */
  private async restrictedStub(map: MapRow, nodeId: string) {
    const loaded = await this.documents.load(map.id, []);
    try {
      const node = readMap(loaded.docs).nodes.find((n) => n.id === nodeId);
      if (!node || !node.redacted || !uuidSchema.safeParse(node.ownerOrgId).success)
        throw AppError.notFound('Restricted node');
      // The holder must still see the map (it is told about the request, with the map's title).
      const holder = await this.policy.documentAccess({ organizationId: node.ownerOrgId }, map.id);
      if (!holder.permission) throw AppError.notFound('Restricted node');
      return node;
    } finally {
      this.documents.destroy(loaded);
    }
  }

  private async recordResolution(
    m: EntityManager | null,
    user: AuthUser,
    map: MapRow,
    requestId: string,
    decision: AccessRequestResolve['decision'],
    meta: RequestMeta,
  ): Promise<void> {
    await this.audit.record(
      {
        action: 'case-map.access-resolved',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        coalitionId: map.coalitionId,
        target: { type: 'case-map-access-request', id: requestId },
        ip: meta.ip,
        details: { mapId: map.id, decision },
      },
      m ?? undefined,
    );
  }
}
