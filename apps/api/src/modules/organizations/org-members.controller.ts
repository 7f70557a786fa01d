import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { memberParamsSchema, orgMemberRoleSchema } from '@coalesce/protocol';
import type { OrgMemberDto } from '@coalesce/protocol';
import type { OrgRole } from '@coalesce/domain';
import { OrgAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { RequiresRecentAuthentication } from '../../core/auth/session-requirements.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { OrgMembersService } from './org-members.service.js';

@ApiTags('organizations')
@Controller('organizations/current/members')
export class OrgMembersController {
  constructor(private readonly members: OrgMembersService) {}

  @Get()
  @OrgAccess('org.members.view')
  list(@CurrentUser() user: AuthUser): Promise<OrgMemberDto[]> {
    return this.members.list(user.organizationId);
  }

  @Patch(':userId')
  @OrgAccess('org.members.set-role')
  setRole(
    @CurrentUser() user: AuthUser,
    @ValidParams(memberParamsSchema) p: { userId: string },
    @ValidBody(orgMemberRoleSchema) body: { role: OrgRole },
    @Meta() meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.members.setRole(user, p.userId, body.role, meta);
  }

  /** Disables the account and ends all of its sessions. */
  @Post(':userId/disable')
  @HttpCode(200)
  @OrgAccess('org.members.disable')
  disable(
    @CurrentUser() user: AuthUser,
    @ValidParams(memberParamsSchema) p: { userId: string },
    @Meta() meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.members.setDisabled(user, p.userId, true, meta);
  }

  @Post(':userId/enable')
  @HttpCode(200)
  @OrgAccess('org.members.disable')
  enable(
    @CurrentUser() user: AuthUser,
    @ValidParams(memberParamsSchema) p: { userId: string },
    @Meta() meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.members.setDisabled(user, p.userId, false, meta);
  }

  /**
   * Removes the member's second factor and ends their sessions (they lost their authenticator and
   * recovery codes). The admin must have signed in or re-authenticated within the last minutes.
   */
  @Post(':userId/two-factor/reset')
  @HttpCode(200)
  @OrgAccess('org.members.reset-two-factor')
  @RequiresRecentAuthentication()
  resetTwoFactor(
    @CurrentUser() user: AuthUser,
    @ValidParams(memberParamsSchema) p: { userId: string },
    @Meta() meta: RequestMeta,
  ): Promise<OrgMemberDto> {
    return this.members.resetTwoFactor(user, p.userId, meta);
  }
}
