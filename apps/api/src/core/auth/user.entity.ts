import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OrgRole } from '@coalesce/domain';
import { Timestamped } from '../database/timestamps.js';

@Entity('users')
export class UserEntity extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash!: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Column({ name: 'org_role', type: 'varchar', length: 16 })
  orgRole!: OrgRole;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}
