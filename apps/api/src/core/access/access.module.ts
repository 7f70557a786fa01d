import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module.js';
import { AccessGuard } from './access.guard.js';
import { AccessPolicy } from './access-policy.service.js';
import { AccessRepository } from './access.repository.js';

@Global()
@Module({
  imports: [AuthModule],
  providers: [AccessRepository, AccessPolicy, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessPolicy],
})
export class AccessModule {}
