import { Module } from '@nestjs/common';
import { CommentsModule } from '../comments/comments.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { ActivityRepository } from './activity.repository.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsRepository } from './claims.repository.js';
import { ClaimsService } from './claims.service.js';
import { CoordinationController } from './coordination.controller.js';
import { CoordinationRemindersJob } from './coordination-reminders.job.js';
import { DashboardService } from './dashboard.service.js';
import { DuplicateFinder } from './duplicate-finder.js';
import { TaskMergeService } from './task-merge.service.js';
import { TASKS_CONFIG, loadTasksConfig } from './tasks.config.js';
import { TasksController } from './tasks.controller.js';
import { TasksRepository } from './tasks.repository.js';
import { TasksService } from './tasks.service.js';

/** Tasks, claims, duplicate detection, the activity feed and the coordinator dashboard. */
@Module({
  imports: [NotificationsModule, CommentsModule],
  controllers: [TasksController, ClaimsController, CoordinationController],
  providers: [
    { provide: TASKS_CONFIG, useFactory: () => loadTasksConfig() },
    TasksRepository,
    TasksService,
    ActivityRepository,
    ClaimsRepository,
    ClaimsService,
    DuplicateFinder,
    TaskMergeService,
    DashboardService,
    CoordinationRemindersJob,
  ],
  exports: [TasksService, ClaimsService],
})
export class TasksModule {}
