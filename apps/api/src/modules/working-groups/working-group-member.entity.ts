import { Entity, PrimaryColumn } from 'typeorm';

@Entity('working_group_members')
export class WorkingGroupMemberEntity {
  @PrimaryColumn({ name: 'working_group_id', type: 'uuid' })
  workingGroupId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;
}
