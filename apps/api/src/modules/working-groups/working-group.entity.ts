import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Timestamped } from '../../core/database/timestamps.js';

@Entity('working_groups')
export class WorkingGroupEntity extends Timestamped {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'coalition_id', type: 'uuid' })
  coalitionId!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;
}
