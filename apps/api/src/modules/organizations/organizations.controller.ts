import { Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  organizationSearchSchema,
  organizationUpdateSchema,
} from '@coalesce/protocol';
import type { OrganizationDto, OrganizationSearch, OrganizationUpdate } from '@coalesce/protocol';
import { Authenticated, OrgAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { OrganizationsService, toOrganizationDto } from './organizations.service.js';

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly orgs: OrganizationsService) {}

  /** Directory of organizations (public profile fields), e.g. to pick one to invite. */
  @Get()
  @Authenticated()
  search(@ValidQuery(organizationSearchSchema) q: OrganizationSearch): Promise<OrganizationDto[]> {
    return this.orgs.search(q.search, q.limit);
  }

  @Get('current')
  @OrgAccess('org.view')
  async current(@CurrentUser() user: AuthUser): Promise<OrganizationDto> {
    return toOrganizationDto(await this.orgs.get(user.organizationId));
  }

  @Patch('current')
  @OrgAccess('org.update')
  update(
    @CurrentUser() user: AuthUser,
    @ValidBody(organizationUpdateSchema) body: OrganizationUpdate,
    @Meta() meta: RequestMeta,
  ): Promise<OrganizationDto> {
    return this.orgs.update(user, body, meta);
  }

  @Get(':id')
  @OrgAccess('org.view', 'id')
  async one(@ValidParams(idParamSchema) p: { id: string }): Promise<OrganizationDto> {
    return toOrganizationDto(await this.orgs.get(p.id));
  }
}
