import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { BillNotificationsBridge } from './bill-notifications.bridge.js';
import { BillAlertsService } from './bill-alerts.service.js';
import { BillImportService } from './bill-import.service.js';
import { BillImportsController } from './bill-imports.controller.js';
import { BillPositionsService } from './bill-positions.service.js';
import { BILLS_CONFIG, loadBillsConfig } from './bills.config.js';
import { BillsController } from './bills.controller.js';
import { BillsRepository } from './bills.repository.js';
import { BillsService } from './bills.service.js';
import { CalendarService } from './calendar.service.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { DemoBillsSeeder } from './demo-bills.seeder.js';

/** The bill tracker: bills, actions and stage, positions, import, meetings, calendar, alerts. */
@Module({
  imports: [NotificationsModule],
  controllers: [BillsController, BillImportsController, MeetingsController],
  providers: [
    { provide: BILLS_CONFIG, useFactory: () => loadBillsConfig() },
    BillsRepository,
    BillsService,
    BillPositionsService,
    BillImportService,
    BillAlertsService,
    MeetingsRepository,
    MeetingsService,
    CalendarService,
    DemoBillsSeeder,
    BillNotificationsBridge,
  ],
  exports: [BillAlertsService, BillImportService, DemoBillsSeeder],
})
export class BillsModule {}
