import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [AuthModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
