import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { idParamSchema, inviteTokenQuerySchema, orgInviteCreateSchema } from '@coalesce/protocol';
import type { InviteDto, InvitePreviewDto, OrgInviteCreate } from '@coalesce/protocol';
import { OrgAccess, Public } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { OrgInvitesService } from './org-invites.service.js';

@ApiTags('organizations')
@Controller()
export class OrgInvitesController {
  constructor(private readonly invites: OrgInvitesService) {}

  /** Creates an invitation link; the token is in this answer only. */
  @Post('organizations/current/invites')
  @OrgAccess('org.members.invite')
  create(
    @CurrentUser() user: AuthUser,
    @ValidBody(orgInviteCreateSchema) body: OrgInviteCreate,
    @Meta() meta: RequestMeta,
  ): Promise<InviteDto> {
    return this.invites.create(user, body, meta);
  }

  @Get('organizations/current/invites')
  @OrgAccess('org.members.invite')
  list(@CurrentUser() user: AuthUser): Promise<InviteDto[]> {
    return this.invites.list(user.organizationId);
  }

  @Delete('organizations/current/invites/:id')
  @HttpCode(204)
  @OrgAccess('org.members.invite')
  revoke(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.invites.revoke(user, p.id, meta);
  }

  /** What an invitation link offers, shown on the sign-up page before accepting. */
  @Get('invites/organization')
  @Public()
  preview(@ValidQuery(inviteTokenQuerySchema) q: { token: string }): Promise<InvitePreviewDto> {
    return this.invites.preview(q.token);
  }
}
