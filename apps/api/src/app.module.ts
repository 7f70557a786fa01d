import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './core/config/app-config.js';
import { ConfigModule } from './core/config/config.module.js';
import { DatabaseModule } from './core/database/database.module.js';
import { LoggingModule } from './core/logging/logging.module.js';
import { AuthModule } from './core/auth/auth.module.js';
import { AccessModule } from './core/access/access.module.js';
import { AuditModule } from './core/audit/audit.module.js';
import { HealthModule } from './core/health/health.module.js';
import { LifecycleModule } from './core/lifecycle/lifecycle.module.js';
import { MetricsModule } from './core/metrics/metrics.module.js';
import { OrganizationsModule } from './modules/organizations/organizations.module.js';
import { AccountsModule } from './modules/accounts/accounts.module.js';
import { CoalitionsModule } from './modules/coalitions/coalitions.module.js';
import { WorkingGroupsModule } from './modules/working-groups/working-groups.module.js';
import { DemoModule } from './modules/demo/demo.module.js';
import { RealtimeModule } from './core/realtime/realtime.module.js';
import { CollabModule } from './modules/collab/collab.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { CommentsModule } from './modules/comments/comments.module.js';
import { NotificationsModule } from './modules/notifications/notifications.module.js';
import { BillsModule } from './modules/bills/bills.module.js';
import { TasksModule } from './modules/tasks/tasks.module.js';
import { CaseMapsModule } from './modules/case-maps/case-maps.module.js';
import { OrgDataModule } from './modules/org-data/org-data.module.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logStream?: DestinationStream): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, logStream),
        LifecycleModule,
        MetricsModule,
        DatabaseModule,
        HealthModule,
        AuditModule,
        RealtimeModule,
        AuthModule,
        AccessModule,
        OrganizationsModule,
        AccountsModule,
        CoalitionsModule,
        WorkingGroupsModule,
        CollabModule,
        DocumentsModule,
        CommentsModule,
        NotificationsModule,
        BillsModule,
        TasksModule,
        CaseMapsModule,
        OrgDataModule,
        DemoModule,
      ],
    };
  }
}
