import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { allowedTaskTransitions, canTransitionTask, TASK_STATUS_LABELS } from '@coalesce/domain';
import type {
  TaskCommentCreate,
  TaskCreate,
  TaskDetailDto,
  TaskDto,
  TaskListQuery,
  TaskRelationCreate,
  TaskUpdate,
} from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { MentionsService } from '../comments/mentions.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreatedNotification } from '../notifications/notifications.service.js';
import { ActivityRepository } from './activity.repository.js';
import { checkTaskReferences } from './task-references.js';
import { diffTask, sameLinks } from './task-changes.js';
import { TasksRepository } from './tasks.repository.js';

const actorOf = (user: AuthUser) => ({ userId: user.id, organizationId: user.organizationId });

/**
 * Tasks of a coalition: create, edit with a version check (a stale writer gets 409 and the fresh
 * task), status moves through the domain's machine (409 with the allowed statuses), relations,
 * comments with mentions. Every change is written to the activity history in its transaction,
 * notifies the people it concerns, and is announced live after commit.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: TasksRepository,
    private readonly activity: ActivityRepository,
    private readonly mentions: MentionsService,
    private readonly notifications: NotificationsService,
    private readonly live: LiveEvents,
  ) {}

  list(coalitionId: string, query: TaskListQuery): Promise<TaskDto[]> {
    return this.repo.list(coalitionId, query);
  }

  async detail(coalitionId: string, taskId: string): Promise<TaskDetailDto> {
    const task = await this.get(coalitionId, taskId);
    const [subtasks, relations, comments, activity] = await Promise.all([
      this.repo.subtasks(this.db.manager, coalitionId, taskId),
      this.repo.relations(this.db.manager, taskId),
      this.repo.comments(this.db.manager, taskId),
      this.activity.list(coalitionId, { taskId, limit: 200 }),
    ]);
    return {
      ...task,
      subtasks,
      relations,
      comments,
      activity,
      allowedStatuses: allowedTaskTransitions(task.status),
    };
  }

  async get(coalitionId: string, taskId: string, m: EntityManager = this.db.manager) {
    const task = await this.repo.one(m, coalitionId, taskId);
    if (!task) throw AppError.notFound('Task');
    return task;
  }

  async create(user: AuthUser, coalitionId: string, input: TaskCreate): Promise<TaskDto> {
    const { taskId, notified } = await this.db.transaction(async (m) => {
      const { assigneeOrgId } = await checkTaskReferences(m, coalitionId, input);
      const taskId = await this.repo.insert(m, {
        ...input,
        assigneeOrgId: assigneeOrgId ?? null,
        coalitionId,
        userId: user.id,
        organizationId: user.organizationId,
      });
      await this.repo.addLinks(m, taskId, input.links);
      await this.repo.follow(m, taskId, [user.id, input.assigneeUserId]);
      await this.activity.record(m, {
        coalitionId,
        taskId,
        workingGroupId: input.workingGroupId,
        actor: actorOf(user),
        action: 'task.created',
        changes: { title: input.title, status: input.status, assigneeOrgId: assigneeOrgId ?? null },
      });
      const notified = await this.notifyAssigned(m, user, coalitionId, taskId, input.title, {
        orgId: assigneeOrgId ?? null,
        userId: input.assigneeUserId,
      });
      return { taskId, notified };
    });
    this.announce(coalitionId, taskId, 'created');
    this.notifications.announce(notified);
    return this.get(coalitionId, taskId);
  }

  async update(
    user: AuthUser,
    coalitionId: string,
    taskId: string,
    patch: TaskUpdate,
  ): Promise<TaskDto> {
    const notified = await this.db.transaction(async (m) => {
      const current = await this.get(coalitionId, taskId, m);
      if (current.version !== patch.version) throw stale(current);
      if (patch.status && !canTransitionTask(current.status, patch.status)) {
        const allowed = allowedTaskTransitions(current.status);
        throw AppError.conflictWith(
          `A task cannot move from ${TASK_STATUS_LABELS[current.status]} to ${TASK_STATUS_LABELS[patch.status]}.`,
          { from: current.status, to: patch.status, allowed, task: current },
        );
      }
      const { assigneeOrgId } = await checkTaskReferences(m, coalitionId, patch, taskId);
      // A new person without a new organization: the task goes to the person's organization.
      const effective: TaskUpdate = { ...patch };
      if (patch.assigneeUserId && patch.assigneeOrgId === undefined)
        effective.assigneeOrgId = assigneeOrgId ?? null;
      if (patch.assigneeOrgId !== undefined && patch.assigneeUserId === undefined) {
        // Moving the task to another organization unassigns a person of the old one.
        if (current.assigneeUser && current.assigneeUser.organizationId !== patch.assigneeOrgId)
          effective.assigneeUserId = null;
      }
      const { changes, history } = diffTask(current, effective);
      const linksChanged = patch.links !== undefined && !sameLinks(current.links, patch.links);
      if (!Object.keys(changes).length && !linksChanged) return [];
      if (!(await this.repo.update(m, taskId, patch.version, changes)))
        throw stale(await this.get(coalitionId, taskId, m));
      if (linksChanged) {
        await this.repo.replaceLinks(m, taskId, patch.links!);
        history.links = [current.links.length, patch.links!.length];
        if (!Object.keys(changes).length) await this.repo.touch(m, taskId);
      }
      await this.repo.follow(m, taskId, [user.id, changes.assigneeUserId ?? null]);
      await this.activity.record(m, {
        coalitionId,
        taskId,
        workingGroupId: changes.workingGroupId ?? current.workingGroup?.id ?? null,
        actor: actorOf(user),
        action: changes.status ? 'task.status-changed' : 'task.updated',
        changes: history,
      });
      const notified: CreatedNotification[] = [];
      if ('assigneeOrgId' in changes || 'assigneeUserId' in changes) {
        const orgChanged = 'assigneeOrgId' in changes;
        notified.push(
          ...(await this.notifyAssigned(m, user, coalitionId, taskId, current.title, {
            orgId: orgChanged ? (changes.assigneeOrgId ?? null) : null,
            userId: changes.assigneeUserId ?? null,
          })),
        );
      }
      if (changes.status) {
        notified.push(
          ...(await this.notifications.forTask(m, {
            kind: 'status-change',
            actorUserId: user.id,
            coalitionId,
            taskId,
            recipientUserIds: await this.repo.followers(m, taskId),
            excerpt: `${current.title}: ${TASK_STATUS_LABELS[current.status]} → ${TASK_STATUS_LABELS[changes.status]}`,
          })),
        );
      }
      return notified;
    });
    this.announce(coalitionId, taskId, 'updated');
    this.notifications.announce(notified);
    return this.get(coalitionId, taskId);
  }

  async comment(
    user: AuthUser,
    coalitionId: string,
    taskId: string,
    input: TaskCommentCreate,
  ): Promise<TaskDetailDto> {
    const notified = await this.db.transaction(async (m) => {
      const task = await this.get(coalitionId, taskId, m);
      const resolved = await this.mentions.resolve(m, coalitionId, input.mentions);
      await this.repo.insertComment(m, {
        taskId,
        userId: user.id,
        organizationId: user.organizationId,
        body: input.body,
        mentions: resolved.mentions,
      });
      await this.repo.follow(m, taskId, [user.id]);
      await this.activity.record(m, {
        coalitionId,
        taskId,
        workingGroupId: task.workingGroup?.id ?? null,
        actor: actorOf(user),
        action: 'task.commented',
        changes: { excerpt: input.body.slice(0, 140) },
      });
      return this.notifications.forTask(m, {
        kind: 'task-mention',
        actorUserId: user.id,
        coalitionId,
        taskId,
        recipientUserIds: resolved.userIds,
        excerpt: input.body,
      });
    });
    this.announce(coalitionId, taskId, 'updated');
    this.notifications.announce(notified);
    return this.detail(coalitionId, taskId);
  }

  async relate(
    user: AuthUser,
    coalitionId: string,
    taskId: string,
    input: TaskRelationCreate,
  ): Promise<TaskDetailDto> {
    if (input.taskId === taskId)
      throw AppError.validation([{ path: 'taskId', message: 'A task cannot relate to itself.' }]);
    await this.db.transaction(async (m) => {
      await this.get(coalitionId, taskId, m);
      if (!(await this.repo.one(m, coalitionId, input.taskId)))
        throw AppError.validation([{ path: 'taskId', message: 'No such task in this coalition.' }]);
      const [from, to, kind] =
        input.kind === 'blocked_by'
          ? [input.taskId, taskId, 'blocks' as const]
          : [taskId, input.taskId, input.kind];
      await this.repo.addRelation(m, from, to, kind, user.id);
      await this.activity.record(m, {
        coalitionId,
        taskId,
        actor: actorOf(user),
        action: 'task.related',
        changes: { kind: input.kind, taskId: input.taskId },
      });
    });
    this.announce(coalitionId, taskId, 'updated');
    this.announce(coalitionId, input.taskId, 'updated');
    return this.detail(coalitionId, taskId);
  }

  announce(coalitionId: string, taskId: string, action: 'created' | 'updated'): void {
    this.live.entityChanged({ coalitionId, type: 'task', id: taskId, action });
  }

  /** "Assigned to you": the person if one is named, else every active person of the organization. */
  private async notifyAssigned(
    m: EntityManager,
    user: AuthUser,
    coalitionId: string,
    taskId: string,
    title: string,
    to: { orgId: string | null; userId: string | null | undefined },
  ): Promise<CreatedNotification[]> {
    const recipients = to.userId
      ? [to.userId]
      : to.orgId
        ? await this.repo.orgUsers(m, to.orgId)
        : [];
    return this.notifications.forTask(m, {
      kind: 'assigned',
      actorUserId: user.id,
      coalitionId,
      taskId,
      recipientUserIds: recipients,
      excerpt: title,
    });
  }
}

function stale(fresh: TaskDto): AppError {
  return AppError.conflictWith(
    'Someone changed this task since you loaded it. Here is the current version.',
    { task: fresh },
  );
}
