import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../../core/auth/auth.module.js';
import { OrganizationEntity } from './organization.entity.js';
import { OrgInviteEntity } from './org-invite.entity.js';
import { OrganizationsController } from './organizations.controller.js';
import { OrganizationsService } from './organizations.service.js';
import { OrgInvitesController } from './org-invites.controller.js';
import { OrgInvitesService } from './org-invites.service.js';
import { OrgMembersController } from './org-members.controller.js';
import { OrgMembersService } from './org-members.service.js';
import { OrgSecurityController } from './org-security.controller.js';
import { OrgSecurityService } from './org-security.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([OrganizationEntity, OrgInviteEntity]), AuthModule],
  controllers: [
    OrgInvitesController,
    OrgMembersController,
    OrgSecurityController,
    OrganizationsController,
  ],
  providers: [OrganizationsService, OrgInvitesService, OrgMembersService, OrgSecurityService],
  exports: [OrganizationsService, OrgInvitesService],
})
export class OrganizationsModule {}
