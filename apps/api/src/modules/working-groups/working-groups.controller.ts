import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  workingGroupCreateSchema,
  workingGroupParamsSchema,
  workingGroupUpdateSchema,
} from '@coalesce/protocol';
import type { WorkingGroupCreate, WorkingGroupDto, WorkingGroupUpdate } from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams } from '../../core/http/validated.decorators.js';
import { WorkingGroupsService } from './working-groups.service.js';

type GroupParams = { id: string; groupId: string };

@ApiTags('working groups')
@Controller('coalitions/:id/working-groups')
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @Get()
  @CoalitionAccess('coalition.view')
  list(@ValidParams(idParamSchema) p: { id: string }): Promise<WorkingGroupDto[]> {
    return this.groups.list(p.id);
  }

  @Post()
  @CoalitionAccess('working-group.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(workingGroupCreateSchema) body: WorkingGroupCreate,
    @Meta() meta: RequestMeta,
  ): Promise<WorkingGroupDto> {
    return this.groups.create(user, p.id, body, meta);
  }

  @Patch(':groupId')
  @CoalitionAccess('working-group.update')
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(workingGroupParamsSchema) p: GroupParams,
    @ValidBody(workingGroupUpdateSchema) body: WorkingGroupUpdate,
    @Meta() meta: RequestMeta,
  ): Promise<WorkingGroupDto> {
    return this.groups.update(user, p.id, p.groupId, body, meta);
  }

  @Delete(':groupId')
  @HttpCode(204)
  @CoalitionAccess('working-group.delete')
  remove(
    @CurrentUser() user: AuthUser,
    @ValidParams(workingGroupParamsSchema) p: GroupParams,
    @Meta() meta: RequestMeta,
  ): Promise<void> {
    return this.groups.remove(user, p.id, p.groupId, meta);
  }
}
