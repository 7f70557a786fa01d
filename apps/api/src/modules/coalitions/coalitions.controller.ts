import { Controller, Get, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { coalitionCreateSchema, coalitionUpdateSchema, idParamSchema } from '@coalesce/protocol';
import type { CoalitionCreate, CoalitionDto, CoalitionUpdate } from '@coalesce/protocol';
import { Authenticated, CoalitionAccess, OrgAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { CoalitionsService } from './coalitions.service.js';

@ApiTags('coalitions')
@Controller('coalitions')
export class CoalitionsController {
  constructor(private readonly coalitions: CoalitionsService) {}

  /** An org admin creates a coalition; their organization becomes its coordinator. */
  @Post()
  @OrgAccess('org.coalitions.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidBody(coalitionCreateSchema) body: CoalitionCreate,
    @Meta() meta: RequestMeta,
  ): Promise<CoalitionDto> {
    return this.coalitions.create(user, body, meta);
  }

  /** The coalitions of the caller's organization. */
  @Get()
  @Authenticated()
  list(@CurrentUser() user: AuthUser): Promise<CoalitionDto[]> {
    return this.coalitions.listForOrganization(user.organizationId);
  }

  @Get(':id')
  @CoalitionAccess('coalition.view')
  one(
    @ValidParams(idParamSchema) p: { id: string },
    @Req() req: AuthorizedRequest,
  ): Promise<CoalitionDto> {
    return this.coalitions.get(p.id, req.coalitionRole!);
  }

  @Patch(':id')
  @CoalitionAccess('coalition.update')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(coalitionUpdateSchema) body: CoalitionUpdate,
    @Req() req: AuthorizedRequest,
    @Meta() meta: RequestMeta,
  ): Promise<CoalitionDto> {
    return this.coalitions.update(user, p.id, req.coalitionRole!, body, meta);
  }
}
