import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MapModelError, locateNode, setNodeSensitivity } from '@coalesce/case-map';
import type { NodeShareResultDto } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { AccessRequestNotices } from './access-request-notices.js';
import { AccessRequestsRepository } from './access-requests.repository.js';
import type { AccessRequestRow } from './access-requests.repository.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import type { MapRow } from './case-map-layers.repository.js';
import { MapDocuments, SERVER_MAP_EDIT } from './map-documents.js';

/**
 * The owner organization moves one of its restricted or private nodes to the shared map: the server
 * loads the shared map and the owner's layer, runs the model's `setNodeSensitivity` as the owner,
 * and commits both changes as forward updates (open editors get them live). Pending access requests
 * for the node are answered with `shared-node`.
 */
@Injectable()
export class NodeSharingService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly layers: CaseMapLayersRepository,
    private readonly documents: MapDocuments,
    private readonly requests: AccessRequestsRepository,
    private readonly notices: AccessRequestNotices,
    private readonly audit: AuditLogService,
  ) {}

  async share(
    user: AuthUser,
    map: MapRow,
    nodeId: string,
    meta: RequestMeta | null,
    via: 'direct' | 'access-request',
  ): Promise<NodeShareResultDto & { resolved: AccessRequestRow[] }> {
    const layer = await this.layers.layerOf(map.id, user.organizationId);
    if (!layer) throw AppError.notFound('Node');
    const loaded = await this.documents.load(map.id, [layer]);
    try {
      const location = locateNode(loaded.docs, nodeId);
      if (!location) throw AppError.notFound('Node');
      if (location.ownerOrgId !== user.organizationId)
        throw AppError.forbidden('Only the organization that holds this node can share it.');
      // Shared meanwhile (by the owner's editor): an access request is then simply answered.
      const alreadyShared = location.sensitivity === 'shared';
      if (alreadyShared && via === 'direct')
        throw AppError.conflict('This node is already shared.');
      const from = location.sensitivity;
      if (!alreadyShared) {
        try {
          setNodeSensitivity(
            loaded.docs,
            { orgId: user.organizationId, userId: user.id },
            nodeId,
            'shared',
            SERVER_MAP_EDIT,
          );
        } catch (error) {
          if (error instanceof MapModelError)
            throw AppError.conflict(`This node cannot be shared: ${error.message}`);
          throw error;
        }
      }
      const seqs = await this.documents.commit(loaded, user.id);
      const resolved = await this.db.transaction(async (m) => {
        if (!alreadyShared)
          await this.audit.record(
            {
              action: 'case-map.node-shared',
              actor: { userId: user.id, organizationId: user.organizationId },
              organizationId: user.organizationId,
              coalitionId: map.coalitionId,
              target: { type: 'case-map', id: map.id },
              ip: meta?.ip ?? null,
              details: { mapId: map.id, nodeId, from, via },
            },
            m,
          );
        return this.requests.resolve(m, { mapId: map.id, nodeId }, 'shared-node', user.id);
      });
      await this.notices.resolved(map, resolved, user.id);
      return {
        nodeId,
        mapSeq: seqs.get(map.id) ?? null,
        layerSeq: seqs.get(layer.docId) ?? null,
        resolved,
      };
    } finally {
      this.documents.destroy(loaded);
    }
  }
}
