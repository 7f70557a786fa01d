import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContributionsModule } from '../contributions/contributions.module.js';
import { OrganizationsModule } from '../organizations/organizations.module.js';
import { CoalitionEntity } from './coalition.entity.js';
import { CoalitionInviteEntity } from './coalition-invite.entity.js';
import { CoalitionMemberEntity } from './coalition-member.entity.js';
import { CoalitionInvitesController } from './coalition-invites.controller.js';
import { CoalitionInvitesService } from './coalition-invites.service.js';
import { CoalitionMembersController } from './coalition-members.controller.js';
import { CoalitionMembersRepository } from './coalition-members.repository.js';
import { CoalitionMembershipService } from './coalition-membership.service.js';
import { CoalitionsController } from './coalitions.controller.js';
import { CoalitionsService } from './coalitions.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CoalitionEntity, CoalitionMemberEntity, CoalitionInviteEntity]),
    OrganizationsModule,
    ContributionsModule,
  ],
  controllers: [CoalitionsController, CoalitionMembersController, CoalitionInvitesController],
  providers: [
    CoalitionsService,
    CoalitionMembershipService,
    CoalitionInvitesService,
    CoalitionMembersRepository,
  ],
  exports: [CoalitionsService, CoalitionMembersRepository],
})
export class CoalitionsModule {}
