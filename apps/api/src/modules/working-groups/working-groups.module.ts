import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkingGroupEntity } from './working-group.entity.js';
import { WorkingGroupMemberEntity } from './working-group-member.entity.js';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsService } from './working-groups.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([WorkingGroupEntity, WorkingGroupMemberEntity])],
  controllers: [WorkingGroupsController],
  providers: [WorkingGroupsService],
})
export class WorkingGroupsModule {}
