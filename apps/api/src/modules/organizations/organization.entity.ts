import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { FocusArea } from '@coalesce/domain';
import { Timestamped } from '../../core/database/timestamps.js';

@Entity('organizations')
export class OrganizationEntity extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 60, unique: true })
  slug!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ name: 'focus_areas', type: 'text', array: true, default: () => "'{}'" })
  focusAreas!: FocusArea[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  website!: string | null;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Members must turn two-factor on before they can use the app (see OrgSecurityService). */
  @Column({ name: 'require_two_factor', type: 'boolean', default: false })
  requireTwoFactor!: boolean;
}
