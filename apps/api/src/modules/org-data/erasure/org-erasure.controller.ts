import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { orgEraseSchema, orgParamSchema } from '@coalesce/protocol';
import type { OrgErase, OrgErasureDto } from '@coalesce/protocol';
import { OrgAccess } from '../../../core/access/access-rule.js';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { CurrentUser } from '../../../core/auth/current-user.decorator.js';
import { Meta } from '../../../core/http/request-meta.js';
import type { RequestMeta } from '../../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../../core/http/validated.decorators.js';
import { OrgErasureService } from './org-erasure.service.js';

@ApiTags('organizations')
@Controller('organizations/:orgId')
export class OrgErasureController {
  constructor(private readonly erasure: OrgErasureService) {}

  /**
   * Erases the organization's data (its admins only, with the organization's name typed again).
   * Everyone in the organization is signed out and disabled; this cannot be undone.
   */
  @Post('erase')
  @HttpCode(200)
  @OrgAccess('org.data.erase', 'orgId')
  erase(
    @CurrentUser() user: AuthUser,
    @ValidParams(orgParamSchema) p: { orgId: string },
    @ValidBody(orgEraseSchema) body: OrgErase,
    @Meta() meta: RequestMeta,
  ): Promise<OrgErasureDto> {
    return this.erasure.erase(user, p.orgId, body.confirmName, meta);
  }
}
