import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  accessRequestCreateSchema,
  accessRequestResolveSchema,
  mapParamSchema,
  mapRequestParamsSchema,
} from '@coalesce/protocol';
import type {
  AccessRequestCreate,
  AccessRequestDto,
  AccessRequestResolve,
} from '@coalesce/protocol';
import { DocumentAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { AccessRequestsService } from './access-requests.service.js';

type MapParam = { docId: string };

@ApiTags('case-maps')
@Controller('case-maps/:docId/access-requests')
export class AccessRequestsController {
  constructor(private readonly requests: AccessRequestsService) {}

  /** Asks the organization holding a restricted node for its details (its people are notified). */
  @Post()
  @DocumentAccess('view')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: MapParam,
    @ValidBody(accessRequestCreateSchema) body: AccessRequestCreate,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<AccessRequestDto> {
    return this.requests.create(user, p.docId, req.docAccess!.coalitionRole, body, meta);
  }

  /** Requests the caller's organization received (for its nodes) or made, newest first. */
  @Get()
  @DocumentAccess('view')
  list(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapParamSchema) p: MapParam,
  ): Promise<AccessRequestDto[]> {
    return this.requests.list(user, p.docId);
  }

  /** The owner organization answers: grant its layer, share the node, or decline. */
  @Post(':requestId/resolve')
  @HttpCode(200)
  @DocumentAccess('view')
  resolve(
    @CurrentUser() user: AuthUser,
    @ValidParams(mapRequestParamsSchema) p: { docId: string; requestId: string },
    @ValidBody(accessRequestResolveSchema) body: AccessRequestResolve,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<AccessRequestDto> {
    return this.requests.resolve(user, p.docId, req.docAccess!.permission, p.requestId, body, meta);
  }
}
