import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { LiveEvents } from '../../core/realtime/live-events.js';
import type { AccessChanged } from '../../core/realtime/live-events.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';

/**
 * A layer's access follows its map: when a map's sharing or lifecycle changes (archive, delete), the
 * same change is announced for each of its layers, so sockets holding a layer open are re-checked
 * (and get doc:revoked) like those holding the map. When an organization leaves or is removed from a
 * coalition, the grants it held on layers of the coalition's maps are dropped.
 */
@Injectable()
export class LayerAccessRelay implements OnModuleDestroy {
  private readonly logger = new Logger('LayerAccessRelay');
  private readonly off: () => void;

  constructor(
    private readonly live: LiveEvents,
    private readonly repo: CaseMapLayersRepository,
  ) {
    this.off = live.onAccessChanged((change) => {
      void this.relay(change).catch((error: unknown) =>
        this.logger.warn(`layer access relay failed: ${(error as Error).message}`),
      );
    });
  }

  onModuleDestroy(): void {
    this.off();
  }

  private async relay(change: AccessChanged): Promise<void> {
    if (change.docId) {
      for (const layer of await this.repo.layersOf(change.docId))
        this.live.accessChanged({ ...change, docId: layer.docId });
    } else if (change.coalitionId && change.organizationId) {
      const dropped = await this.repo.dropGrantsOfFormerMember(
        change.coalitionId,
        change.organizationId,
      );
      for (const { layerId } of dropped)
        this.live.accessChanged({ docId: layerId, organizationId: change.organizationId });
    }
  }
}
