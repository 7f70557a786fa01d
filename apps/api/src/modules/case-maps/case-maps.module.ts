import { Module } from '@nestjs/common';
import { CollabModule } from '../collab/collab.module.js';
import { CaseMapLayersController } from './case-map-layers.controller.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import { CaseMapLayersService } from './case-map-layers.service.js';
import { LayerAccessRelay } from './layer-access-relay.js';

/**
 * Case maps (issue 5): private layers and who may read them, access requests, server-side node
 * sharing, JSON export and import. The maps themselves are documents of kind `case-map`.
 */
@Module({
  imports: [CollabModule],
  controllers: [CaseMapLayersController],
  providers: [CaseMapLayersRepository, CaseMapLayersService, LayerAccessRelay],
})
export class CaseMapsModule {}
