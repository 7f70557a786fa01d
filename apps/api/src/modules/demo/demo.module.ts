import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { BillsModule } from '../bills/bills.module.js';
import { CaseMapsModule } from '../case-maps/case-maps.module.js';
import { CollabModule } from '../collab/collab.module.js';
import { DemoCaseMapsSeeder } from './demo-case-maps.seeder.js';
import { DemoDocumentsSeeder } from './demo-documents.seeder.js';
import { DemoSeedService } from './demo-seed.service.js';
import { DemoTasksSeeder } from './demo-tasks.seeder.js';

@Module({
  imports: [AuthModule, CollabModule, BillsModule, CaseMapsModule],
  providers: [DemoSeedService, DemoDocumentsSeeder, DemoTasksSeeder, DemoCaseMapsSeeder],
})
export class DemoModule {}
