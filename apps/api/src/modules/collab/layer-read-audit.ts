import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import type { LayerOf } from '../../core/access/access-policy.service.js';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';

export type LayerReadVia = 'doc:open' | 'doc:sync' | 'export';

export interface LayerRead {
  user: Pick<AuthUser, 'id' | 'organizationId'>;
  layerId: string;
  layer: LayerOf;
  coalitionId: string;
  via: LayerReadVia;
}

/**
 * Every read of a case map's private layer goes to the audit log before the content is sent (who,
 * their organization, the map, the layer's owner): a failed audit write refuses the read. The owner
 * organization's admins see the entries in their organization's log, coordinators in the coalition's.
 */
@Injectable()
export class LayerReadAudit {
  constructor(private readonly audit: AuditLogService) {}

  async record(read: LayerRead): Promise<void> {
    await this.audit.record({
      action: 'case-map.layer-read',
      actor: { userId: read.user.id, organizationId: read.user.organizationId },
      organizationId: read.layer.ownerOrgId,
      coalitionId: read.coalitionId,
      target: { type: 'case-map-layer', id: read.layerId },
      details: { mapId: read.layer.mapId, layerOwnerOrgId: read.layer.ownerOrgId, via: read.via },
    });
  }

  /**
   * A doc:sync answer reads the layer when it carries content (items the client did not have); an
   * answer with nothing new (the periodic re-sync of an up-to-date client) is not logged again.
   */
  static carriesContent(update: Uint8Array): boolean {
    try {
      return Y.decodeUpdate(update).structs.length > 0;
    } catch {
      return true;
    }
  }
}
