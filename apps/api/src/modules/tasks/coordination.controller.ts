import { Controller, Get, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { activityQuerySchema, idParamSchema } from '@coalesce/protocol';
import type { ActivityDto, ActivityQuery, DashboardDto } from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthorizedRequest } from '../../core/access/access.guard.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { ActivityRepository } from './activity.repository.js';
import { DashboardService } from './dashboard.service.js';

/** The activity feed and the coordinator dashboard of a coalition. */
@ApiTags('coordination')
@Controller('coalitions/:id')
export class CoordinationController {
  constructor(
    private readonly activity: ActivityRepository,
    private readonly dashboards: DashboardService,
  ) {}

  /** Who changed what in tasks and claims, newest first; filter by working group, organization, kind. */
  @Get('activity')
  @CoalitionAccess('coalition.view')
  feed(
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(activityQuerySchema) q: ActivityQuery,
  ): Promise<ActivityDto[]> {
    return this.activity.list(p.id, q);
  }

  @Get('dashboard')
  @CoalitionAccess('coalition.view')
  dashboard(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @Req() req: AuthorizedRequest,
  ): Promise<DashboardDto> {
    return this.dashboards.dashboard(user, req.coalitionRole!, p.id);
  }
}
