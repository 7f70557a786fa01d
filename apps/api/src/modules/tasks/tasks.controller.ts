import { Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import {
  idParamSchema,
  similarTasksQuerySchema,
  taskCommentCreateSchema,
  taskCreateSchema,
  taskListQuerySchema,
  taskMergeSchema,
  taskParamsSchema,
  taskRelationCreateSchema,
  taskUpdateSchema,
} from '@coalesce/protocol';
import type {
  SimilarTaskDto,
  SimilarTasksQuery,
  TaskCommentCreate,
  TaskCreate,
  TaskDetailDto,
  TaskDto,
  TaskListQuery,
  TaskMerge,
  TaskRelationCreate,
  TaskUpdate,
} from '@coalesce/protocol';
import { CoalitionAccess } from '../../core/access/access-rule.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { CurrentUser } from '../../core/auth/current-user.decorator.js';
import { Meta } from '../../core/http/request-meta.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { ValidBody, ValidParams, ValidQuery } from '../../core/http/validated.decorators.js';
import { DuplicateFinder } from './duplicate-finder.js';
import { TaskMergeService } from './task-merge.service.js';
import { TasksService } from './tasks.service.js';

type TaskParams = { id: string; taskId: string };

/** Tasks of a coalition: every member organization reads them; coordinators and members write. */
@ApiTags('tasks')
@Controller('coalitions/:id/tasks')
export class TasksController {
  constructor(
    private readonly tasks: TasksService,
    private readonly duplicates: DuplicateFinder,
    private readonly merger: TaskMergeService,
  ) {}

  @Get()
  @CoalitionAccess('coalition.view')
  list(
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(taskListQuerySchema) q: TaskListQuery,
  ): Promise<TaskDto[]> {
    return this.tasks.list(p.id, q);
  }

  /** Open tasks that look like the one being written (shown before saving). */
  @Get('similar')
  @CoalitionAccess('coalition.view')
  similar(
    @ValidParams(idParamSchema) p: { id: string },
    @ValidQuery(similarTasksQuerySchema) q: SimilarTasksQuery,
  ): Promise<SimilarTaskDto[]> {
    return this.duplicates.similar(p.id, q.title, q.excludeId);
  }

  @Post()
  @CoalitionAccess('content.create')
  create(
    @CurrentUser() user: AuthUser,
    @ValidParams(idParamSchema) p: { id: string },
    @ValidBody(taskCreateSchema) body: TaskCreate,
  ): Promise<TaskDto> {
    return this.tasks.create(user, p.id, body);
  }

  @Get(':taskId')
  @CoalitionAccess('coalition.view')
  detail(@ValidParams(taskParamsSchema) p: TaskParams): Promise<TaskDetailDto> {
    return this.tasks.detail(p.id, p.taskId);
  }

  /** Send the version you loaded: a stale one gets 409 with the fresh task in `error.details.task`. */
  @Patch(':taskId')
  @CoalitionAccess('content.create')
  @ApiConflictResponse({
    description:
      'Stale version (details.task) or a status move the workflow refuses (details.allowed).',
  })
  update(
    @CurrentUser() user: AuthUser,
    @ValidParams(taskParamsSchema) p: TaskParams,
    @ValidBody(taskUpdateSchema) body: TaskUpdate,
  ): Promise<TaskDto> {
    return this.tasks.update(user, p.id, p.taskId, body);
  }

  @Post(':taskId/comments')
  @CoalitionAccess('content.comment')
  comment(
    @CurrentUser() user: AuthUser,
    @ValidParams(taskParamsSchema) p: TaskParams,
    @ValidBody(taskCommentCreateSchema) body: TaskCommentCreate,
  ): Promise<TaskDetailDto> {
    return this.tasks.comment(user, p.id, p.taskId, body);
  }

  @Post(':taskId/relations')
  @CoalitionAccess('content.create')
  relate(
    @CurrentUser() user: AuthUser,
    @ValidParams(taskParamsSchema) p: TaskParams,
    @ValidBody(taskRelationCreateSchema) body: TaskRelationCreate,
  ): Promise<TaskDetailDto> {
    return this.tasks.relate(user, p.id, p.taskId, body);
  }

  /** Marks this task a duplicate of another and carries its comments and links over. */
  @Post(':taskId/merge')
  @CoalitionAccess('content.create')
  merge(
    @CurrentUser() user: AuthUser,
    @ValidParams(taskParamsSchema) p: TaskParams,
    @ValidBody(taskMergeSchema) body: TaskMerge,
    @Meta() meta: RequestMeta,
  ): Promise<TaskDto> {
    return this.merger.merge(user, p.id, p.taskId, body.intoTaskId, meta);
  }
}
