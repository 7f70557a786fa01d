import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { BillsModule } from '../bills/bills.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [AuthModule, BillsModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
