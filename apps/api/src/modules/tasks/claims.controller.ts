import { Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  claimCreateSchema,
  claimHandOffSchema,
  claimParamsSchema,
  idParamSchema,
} from '@coalesce/protocol';
import type { ClaimCreate, ClaimDto, ClaimHandOff } from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { ClaimsService } from './claims.service.js';

type ClaimParams = { id: string; claimId: string };

/** Live claims on tasks and lobbying targets; the holder or a coordinator releases or hands off. */
@ApiTags('claims')
@Controller('coalitions/:id/claims')
export class ClaimsController {
  constructor(private readonly claims: ClaimsService) {}

  @Get()
  @CoalitionAccess('coalition.view')
  list(@ValidParams(idParamSchema) p: { id: string }): Promise<ClaimDto[]> {
    return this.claims.list(p.id);
  }

  @Post()
  @CoalitionAccess('content.create')
  @ApiConflictResponse({ description: 'Already claimed: details.claim says by whom, until when.' })
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(claimCreateSchema) body: ClaimCreate,
  ): Promise<ClaimDto> {
    return this.claims.create(user, p.id, body);
  }

  @Post(':claimId/release')
  @HttpCode(204)
  @CoalitionAccess('content.create')
  release(
    @CurrentUser() user: AuthUser,
    @ValidParams(claimParamsSchema) p: ClaimParams,
    @Req() req: AuthorizedRequest,
  ): Promise<void> {
    return this.claims.release(user, req.coalitionRole!, p.id, p.claimId);
  }

  @Post(':claimId/hand-off')
  @CoalitionAccess('content.create')
  handOff(
    @CurrentUser() user: AuthUser,
    @ValidParams(claimParamsSchema) p: ClaimParams,
    @ValidBody(claimHandOffSchema) body: ClaimHandOff,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<ClaimDto> {
    return this.claims.handOff(user, req.coalitionRole!, p.id, p.claimId, body, meta);
  }
}
