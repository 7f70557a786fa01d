import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { AccessRequestNotices } from './access-request-notices.js';
import { AccessRequestsController } from './access-requests.controller.js';
import { AccessRequestsRepository } from './access-requests.repository.js';
import { AccessRequestsService } from './access-requests.service.js';
import { CaseMapJsonController } from './case-map-json.controller.js';
import { CaseMapJsonService } from './case-map-json.service.js';
import { CaseMapLayersController } from './case-map-layers.controller.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import { CaseMapLayersService } from './case-map-layers.service.js';
import { CaseMapNodesController } from './case-map-nodes.controller.js';
import { LayerAccessRelay } from './layer-access-relay.js';
import { MapDocuments } from './map-documents.js';
import { NodeSharingService } from './node-sharing.service.js';

/**
 * Case maps (issue 5): private layers and who may read them, access requests, server-side node
 * sharing, JSON export and import. The maps themselves are documents of kind `case-map`.
 */
@Module({
  imports: [CollabModule, DocumentsModule, NotificationsModule],
  controllers: [
    CaseMapLayersController,
    AccessRequestsController,
    CaseMapNodesController,
    CaseMapJsonController,
  ],
  providers: [
    CaseMapLayersRepository,
    CaseMapLayersService,
    LayerAccessRelay,
    MapDocuments,
    AccessRequestsRepository,
    AccessRequestNotices,
    AccessRequestsService,
    NodeSharingService,
    CaseMapJsonService,
  ],
  exports: [CaseMapLayersRepository, MapDocuments],
})
export class CaseMapsModule {}
