import { Column, Entity, PrimaryColumn } from 'typeorm';
import { Timestamped } from '../../database/timestamps.js';

/**
 * A user's TOTP secret (sealed, see SecretBox). Unconfirmed while enrolment waits for the first
 * code; `lastUsedStep` is the time step of the last accepted code (codes up to it are refused).
 */
@Entity('user_totp')
export class UserTotpEntity extends Timestamped {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'secret_sealed', type: 'text' })
  secretSealed!: string;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** bigint: the driver returns a string. */
  @Column({ name: 'last_used_step', type: 'bigint', nullable: true })
  lastUsedStep!: string | null;
}
