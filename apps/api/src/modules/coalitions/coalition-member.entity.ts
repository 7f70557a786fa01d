import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CoalitionRole } from '@coalesce/domain';

/** A member organization of a coalition and its coalition role. */
@Entity('coalition_members')
export class CoalitionMemberEntity {
  @PrimaryColumn({ name: 'coalition_id', type: 'uuid' })
  coalitionId!: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: CoalitionRole;

  @CreateDateColumn({ name: 'joined_at', type: 'timestamptz' })
  joinedAt!: Date;
}
