import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { TaskDto } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ActivityRepository } from './activity.repository.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';

/**
 * Marks a task as a duplicate of another and merges it: its comments and links are carried over
 * to the surviving task, it is cancelled with a "duplicate of" relation, and the people of both
 * organizations (assignee and creator of each task) are told.
 */
@Injectable()
export class TaskMergeService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: TasksRepository,
    private readonly tasks: TasksService,
    private readonly activity: ActivityRepository,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditLogService,
  ) {}

  async merge(
    user: AuthUser,
    coalitionId: string,
    duplicateId: string,
    intoId: string,
    meta: RequestMeta,
  ): Promise<TaskDto> {
    if (duplicateId === intoId)
      throw AppError.validation([
        { path: 'intoTaskId', message: 'A task cannot be a duplicate of itself.' },
      ]);
    const notified = await this.db.transaction(async (m) => {
      const duplicate = await this.tasks.get(coalitionId, duplicateId, m);
      const into = await this.repo.one(m, coalitionId, intoId);
      if (!into)
        throw AppError.validation([
          { path: 'intoTaskId', message: 'No such task in this coalition.' },
        ]);
      if (duplicate.duplicateOfId)
        throw AppError.conflictWith('This task was already merged.', { task: duplicate });
      if (into.duplicateOfId)
        throw AppError.validation([
          { path: 'intoTaskId', message: 'That task was itself merged into another.' },
        ]);
      const comments = await this.repo.copyComments(m, duplicateId, intoId);
      await this.repo.addLinks(m, intoId, await this.repo.links(m, duplicateId));
      await this.repo.addRelation(m, duplicateId, intoId, 'duplicate_of', user.id);
      await this.repo.setDuplicateOf(m, duplicateId, intoId);
      await this.repo.touch(m, intoId);
      await this.repo.follow(m, intoId, await this.repo.followers(m, duplicateId));
      const actor = { userId: user.id, organizationId: user.organizationId };
      const changes = { duplicateId, intoId, comments, title: duplicate.title };
      await this.activity.record(m, {
        coalitionId,
        taskId: duplicateId,
        actor,
        action: 'task.merged-away',
        changes,
      });
      await this.activity.record(m, {
        coalitionId,
        taskId: intoId,
        actor,
        action: 'task.merged',
        changes,
      });
      await this.audit.record(
        {
          action: 'task.merged',
          actor,
          coalitionId,
          target: { type: 'task', id: intoId },
          ip: meta.ip,
          details: changes,
        },
        m,
      );
      const orgs = [
        duplicate.assigneeOrg?.id,
        duplicate.createdByOrg?.id,
        into.assigneeOrg?.id,
        into.createdByOrg?.id,
      ].filter((id): id is string => !!id);
      const recipients: string[] = [];
      for (const orgId of new Set(orgs)) recipients.push(...(await this.repo.orgUsers(m, orgId)));
      return this.notifications.forTask(m, {
        kind: 'task-merged',
        actorUserId: user.id,
        coalitionId,
        taskId: intoId,
        recipientUserIds: recipients,
        excerpt: `“${duplicate.title}” was merged into “${into.title}”`,
      });
    });
    this.tasks.announce(coalitionId, duplicateId, 'updated');
    this.tasks.announce(coalitionId, intoId, 'updated');
    this.notifications.announce(notified);
    return this.tasks.get(coalitionId, intoId);
  }
}
