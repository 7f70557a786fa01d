import { Controller, Delete, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { layerGrantCreateSchema, mapGrantParamsSchema, mapParamSchema } from '@coalesce/protocol';
import type { CaseMapLayersDto, LayerGrantCreate, LayerGrantDto } from '@coalesce/protocol';
import { DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { CaseMapLayersService } from './case-map-layers.service.js';

type MapParam = { docId: string };

@ApiTags('case-maps')
@Controller('case-maps/:docId')
export class CaseMapLayersController {
  constructor(private readonly layers: CaseMapLayersService) {}

  /** The private layers the caller may open over /collab (their organization's own is created on first use). */
  @Get('layers')
  @DocumentAccess('view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: MapParam,
    @Req() req: AuthorizedRequest,
  ): Promise<CaseMapLayersDto> {
    return this.layers.layers(user, p.docId, req.docAccess!.permission);
  }

  /** The organizations the caller's organization lets read its layer of this map. */
  @Get('layer-grants')
  @DocumentAccess('view')
  grants(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: MapParam,
  ): Promise<LayerGrantDto[]> {
    return this.layers.grants(user, p.docId);
  }

  /** Lets another organization of the coalition read the caller's organization's layer (audited). */
  @Post('layer-grants')
  @DocumentAccess('view')
  grant(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: MapParam,
    @ValidBody(layerGrantCreateSchema) body: LayerGrantCreate,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<LayerGrantDto> {
    return this.layers.grant(user, p.docId, req.docAccess!.permission, body.organizationId, meta);
  }

  /** Withdraws a grant; that organization's open sockets get doc:revoked for the layer. */
  @Delete('layer-grants/:organizationId')
  @HttpCode(204)
  @DocumentAccess('view')
  async revoke(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapGrantParamsSchema) p: { docId: string; organizationId: string },
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    await this.layers.revoke(user, p.docId, req.docAccess!.permission, p.organizationId, meta);
  }
}
