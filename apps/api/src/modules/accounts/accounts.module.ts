import { Module } from '@nestjs/common';
import { AuthModule } from '../../core/auth/auth.module.js';
import { CoalitionsModule } from '../coalitions/coalitions.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { AccountsController } from './accounts.controller.js';
import { EmailChangeService } from './email-change.service.js';
import { MeService } from './me.service.js';
import { RegistrationService } from './registration.service.js';

@Module({
  imports: [AuthModule, OrganizationsModule, CoalitionsModule],
  controllers: [AccountsController],
  providers: [RegistrationService, MeService, EmailChangeService],
})
export class AccountsModule {}
