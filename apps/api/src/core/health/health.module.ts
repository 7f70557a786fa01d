import { Global, Module } from '@nestjs/common';
import { DatabaseModule } from '../database/database.module.js';
import { HealthController } from './health.controller.js';
import { Readiness } from './readiness.js';

/** /api/health, /api/health/live and /api/health/ready; `Readiness` takes extra checks (Redis). */
@Global()
@Module({
  imports: [DatabaseModule],
  controllers: [HealthController],
  providers: [Readiness],
  exports: [Readiness],
})
export class HealthModule {}
