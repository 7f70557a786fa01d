import { Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParamSchema, orgSecurityUpdateSchema } from '@coalesce/protocol';
import type { OrgSecuritySettingsDto, OrgSecurityUpdate } from '@coalesce/protocol';
import { OrgAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { OrgSecurityService } from './org-security.service.js';

/** Members read their organization's security settings; its admins change them. Others get 404. */
@ApiTags('organizations')
@Controller('organizations/:id/security')
export class OrgSecurityController {
  constructor(private readonly security: OrgSecurityService) {}

  @Get()
  @OrgAccess('org.members.view', 'id')
  get(@ValidParams(idParamSchema) p: { id: string }): Promise<OrgSecuritySettingsDto> {
    return this.security.get(p.id);
  }

  @Put()
  @OrgAccess('org.update', 'id')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(orgSecurityUpdateSchema) body: OrgSecurityUpdate,
    @Meta() meta: RequestMeta,
  ): Promise<OrgSecuritySettingsDto> {
    return this.security.update(user, p.id, body, meta);
  }
}
