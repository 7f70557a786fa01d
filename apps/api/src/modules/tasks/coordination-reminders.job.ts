import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLAIM_WARNING_MS } from '@coalesce/domain';
import { returningRows } from '../../core/database/returning-rows.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { CreatedNotification } from '../notifications/notifications.service.js';
import { ActivityRepository } from './activity.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import { TASKS_CONFIG } from './tasks.config.js';
import type { TasksConfig } from './tasks.config.js';
import { TasksRepository } from './tasks.repository.js';
import { todayUtc } from './task-rows.js';

export interface ReminderRun {
  released: number;
  warned: number;
  dueSoon: number;
}

/**
 * The time-driven part of coordination, run every TASKS_JOB_INTERVAL_MS and callable with any
 * clock (`run(now)`), so tests need no sleeping: releases claims that ran out, warns a claimant a
 * day before, and reminds assignees of tasks due tomorrow. Each warning is sent once (claims carry
 * warned_at, tasks due_reminded_at), so several nodes running it at once only race harmlessly.
 */
@Injectable()
export class CoordinationRemindersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CoordinationReminders');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<ReminderRun> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(TASKS_CONFIG) private readonly config: TasksConfig,
    private readonly claims: ClaimsRepository,
    private readonly tasks: TasksRepository,
    private readonly activity: ActivityRepository,
    private readonly notifications: NotificationsService,
    private readonly live: LiveEvents,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      this.run().catch((err: unknown) => this.logger.error({ err }, 'Reminder run failed'));
    }, this.config.jobIntervalMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  run(now: Date = new Date()): Promise<ReminderRun> {
    this.running ??= this.pass(now).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<ReminderRun> {
    const { released, warned, due, notified } = await this.db.transaction(async (m) => {
      const notified: CreatedNotification[] = [];
      const released = await this.claims.releaseExpired(m, now);
      for (const c of released) {
        await this.activity.record(m, {
          coalitionId: c.coalitionId,
          taskId: c.taskId,
          claimId: c.id,
          actor: null,
          action: 'claim.expired',
          changes: { target: c.label },
        });
      }
      const warned = await this.claims.takeExpiring(
        m,
        now,
        new Date(now.getTime() + CLAIM_WARNING_MS),
      );
      for (const c of warned) {
        const recipients = c.userId ? [c.userId] : await this.tasks.orgUsers(m, c.organizationId);
        notified.push(
          ...(await this.notifications.forTask(m, {
            kind: 'claim-expiring',
            actorUserId: null,
            coalitionId: c.coalitionId,
            taskId: c.taskId,
            recipientUserIds: recipients,
            excerpt: `Your claim on “${c.label}” expires within a day.`,
          })),
        );
      }
      const tomorrow = todayUtc(new Date(now.getTime() + 86_400_000));
      const due = returningRows<{
        id: string;
        coalition_id: string;
        title: string;
        assignee_user_id: string | null;
        assignee_org_id: string | null;
      }>(
        await m.query(
          `UPDATE tasks SET due_reminded_at = $1
            WHERE due_reminded_at IS NULL AND due_date IS NOT NULL AND due_date <= $2::date
              AND due_date >= $3::date AND status NOT IN ('done', 'cancelled')
            RETURNING id, coalition_id, title, assignee_user_id, assignee_org_id`,
          [now, tomorrow, todayUtc(now)],
        ),
      );
      for (const t of due) {
        const recipients = t.assignee_user_id
          ? [t.assignee_user_id]
          : t.assignee_org_id
            ? await this.tasks.orgUsers(m, t.assignee_org_id)
            : [];
        notified.push(
          ...(await this.notifications.forTask(m, {
            kind: 'due-soon',
            actorUserId: null,
            coalitionId: t.coalition_id,
            taskId: t.id,
            recipientUserIds: recipients,
            excerpt: `“${t.title}” is due soon.`,
          })),
        );
      }
      return { released, warned, due, notified };
    });
    for (const c of released) {
      this.live.entityChanged({
        coalitionId: c.coalitionId,
        type: 'claim',
        id: c.id,
        action: 'deleted',
      });
      if (c.taskId)
        this.live.entityChanged({
          coalitionId: c.coalitionId,
          type: 'task',
          id: c.taskId,
          action: 'updated',
        });
    }
    this.notifications.announce(notified);
    return { released: released.length, warned: warned.length, dueSoon: due.length };
  }
}
