import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  coalitionLeaveSchema,
  coalitionMemberParamsSchema,
  coalitionMemberRoleSchema,
  idParamSchema,
} from '@coalesce/protocol';
import type { CoalitionLeave, CoalitionMemberDto } from '@coalesce/protocol';
import type { CoalitionRole } from '@coalesce/domain';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { CoalitionMembershipService } from './coalition-membership.service.js';

type MemberParams = { id: string; orgId: string };

@ApiTags('coalitions')
@Controller('coalitions/:id')
export class CoalitionMembersController {
  constructor(private readonly membership: CoalitionMembershipService) {}

  @Get('members')
  @CoalitionAccess('coalition.view')
  list(@ValidParams(idParamSchema) p: { id: string }): Promise<CoalitionMemberDto[]> {
    return this.membership.list(p.id);
  }

  @Patch('members/:orgId')
  @HttpCode(204)
  @CoalitionAccess('coalition.members.set-role')
  setRole(
    @CurrentUser() user: AuthUser,
    @ValidParams(coalitionMemberParamsSchema) p: MemberParams,
    @ValidBody(coalitionMemberRoleSchema) body: { role: CoalitionRole },
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.membership.setRole(user, p.id, p.orgId, body.role, meta);
  }

  @Delete('members/:orgId')
  @HttpCode(204)
  @CoalitionAccess('coalition.members.remove')
  remove(
    @CurrentUser() user: AuthUser,
    @ValidParams(coalitionMemberParamsSchema) p: MemberParams,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.membership.remove(user, p.id, p.orgId, meta);
  }

  /**
   * The caller's organization leaves the coalition (org admins only). Body (optional):
   * `{ contributions: 'keep' | 'replace-with-placeholders' }`, keep by default.
   */
  @Post('leave')
  @HttpCode(204)
  @CoalitionAccess('coalition.leave')
  leave(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(coalitionLeaveSchema) body: CoalitionLeave,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.membership.leave(user, p.id, body.contributions, meta);
  }
}
