import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  coalitionInviteCreateSchema,
  coalitionInviteParamsSchema,
  idParamSchema,
  inviteTokenQuerySchema,
  inviteTokenSchema,
} from '@coalesce/protocol';
import type {
  CoalitionInviteCreate,
  CoalitionInviteDto,
  InvitePreviewDto,
} from '@coalesce/protocol';
import { CoalitionAccess, OrgAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { CoalitionInvitesService } from './coalition-invites.service.js';

@ApiTags('coalitions')
@Controller()
export class CoalitionInvitesController {
  constructor(private readonly invites: CoalitionInvitesService) {}

  /** Invites an organization; the answer holds the token of the acceptance link (shown once). */
  @Post('coalitions/:id/invites')
  @CoalitionAccess('coalition.members.invite')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(coalitionInviteCreateSchema) body: CoalitionInviteCreate,
    @Meta() meta: RequestMeta,
  ): Promise<CoalitionInviteDto> {
    return this.invites.create(user, p.id, body, meta);
  }

  @Get('coalitions/:id/invites')
  @CoalitionAccess('coalition.members.invite')
  list(@ValidParams(idParamSchema) p: { id: string }): Promise<CoalitionInviteDto[]> {
    return this.invites.listForCoalition(p.id);
  }

  @Delete('coalitions/:id/invites/:inviteId')
  @HttpCode(204)
  @CoalitionAccess('coalition.members.invite')
  revoke(
    @CurrentUser() user: AuthUser,
    @ValidParams(coalitionInviteParamsSchema) p: { id: string; inviteId: string },
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.invites.revoke(user, p.id, p.inviteId, meta);
  }

  /** Pending coalition invitations addressed to the caller's organization. */
  @Get('organizations/current/coalition-invites')
  @OrgAccess('org.coalition-invites.accept')
  inbox(@CurrentUser() user: AuthUser): Promise<CoalitionInviteDto[]> {
    return this.invites.listPendingForOrganization(user.organizationId);
  }

  /** Which coalition an invitation link is for, shown before accepting (invited organization only). */
  @Get('invites/coalition')
  @OrgAccess('org.coalition-invites.accept')
  preview(
    @CurrentUser() user: AuthUser,
    @ValidQuery(inviteTokenQuerySchema) q: { token: string },
  ): Promise<InvitePreviewDto> {
    return this.invites.preview(user, q.token);
  }

  @Post('coalition-invites/accept')
  @HttpCode(200)
  @OrgAccess('org.coalition-invites.accept')
  acceptByToken(
    @CurrentUser() user: AuthUser,
    @ValidBody(inviteTokenSchema) body: { token: string },
    @Meta() meta: RequestMeta,
  ): Promise<{ coalitionId: string }> {
    return this.invites.accept(user, { token: body.token }, meta);
  }

  @Post('coalition-invites/:id/accept')
  @HttpCode(200)
  @OrgAccess('org.coalition-invites.accept')
  acceptById(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @Meta() meta: RequestMeta,
  ): Promise<{ coalitionId: string }> {
    return this.invites.accept(user, { inviteId: p.id }, meta);
  }
}
