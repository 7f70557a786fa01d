import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { mapNodeParamsSchema } from '@coalesce/protocol';
import type { NodeShareResultDto } from '@coalesce/protocol';
import { DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidParams } from '../../core/http/validated.decorators.js';
import { CaseMapLayersService } from './case-map-layers.service.js';
import { NodeSharingService } from './node-sharing.service.js';

@ApiTags('case-maps')
@Controller('case-maps/:docId/nodes/:nodeId')
export class CaseMapNodesController {
  constructor(
    private readonly layers: CaseMapLayersService,
    private readonly sharing: NodeSharingService,
  ) {}

  /** The owner organization moves a restricted or private node to the shared map (audited, live). */
  @Post('share')
  @HttpCode(200)
  @DocumentAccess('edit')
  async share(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapNodeParamsSchema) p: { docId: string; nodeId: string },
    @Meta() meta: RequestMeta,
  ): Promise<NodeShareResultDto> {
    const map = await this.layers.requireMap(p.docId);
    const { nodeId, mapSeq, layerSeq } = await this.sharing.share(
      user,
      map,
      p.nodeId,
      meta,
      'direct',
    );
    return { nodeId, mapSeq, layerSeq };
  }
}
