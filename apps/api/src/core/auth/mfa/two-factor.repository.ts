import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { returningRows } from '../../database/returning-rows.js';
import { UserTotpEntity } from './user-totp.entity.js';

/** What decides whether a user may use the app or must enrol first. */
export interface TwoFactorFacts {
  enabled: boolean;
  requiredByOrganization: boolean;
}

export type RecoveryCodeOutcome = 'accepted' | 'used-before' | 'unknown';

/** The SQL of two-factor: secrets, the replay guard, recovery codes. */
@Injectable()
export class TwoFactorRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Null when the user does not exist. */
  async facts(userId: string): Promise<TwoFactorFacts | null> {
    const rows: Array<{ enabled: boolean; required: boolean }> = await this.db.query(
      `SELECT (t.confirmed_at IS NOT NULL) AS enabled, o.require_two_factor AS required
         FROM users u
         JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN user_totp t ON t.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    );
    const row = rows[0];
    return row ? { enabled: row.enabled, requiredByOrganization: row.required } : null;
  }

  find(userId: string): Promise<UserTotpEntity | null> {
    return this.db.getRepository(UserTotpEntity).findOneBy({ userId });
  }

  /**
   * Stores a new, unconfirmed secret (replacing an unconfirmed one). False when two-factor is
   * already on (a confirmed secret is never overwritten here).
   */
  async saveUnconfirmedSecret(userId: string, sealed: string): Promise<boolean> {
    const result = await this.db.query(
      `INSERT INTO user_totp (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE
          SET secret_sealed = EXCLUDED.secret_sealed, last_used_step = NULL, updated_at = now()
        WHERE user_totp.confirmed_at IS NULL
       RETURNING user_id`,
      [userId, sealed],
    );
    return returningRows(result).length === 1;
  }

  /** Turns the secret that was checked on; false when it changed or was confirmed meanwhile. */
  async confirm(userId: string, sealed: string, step: number, m: EntityManager): Promise<boolean> {
    const result = await m.query(
      `UPDATE user_totp SET confirmed_at = now(), last_used_step = $3, updated_at = now()
        WHERE user_id = $1 AND secret_sealed = $2 AND confirmed_at IS NULL
       RETURNING user_id`,
      [userId, sealed, step],
    );
    return returningRows(result).length === 1;
  }

  /**
   * Records that a code of time step `step` was accepted, unless a code of that step or a later
   * one already was: of two requests racing with the same code, exactly one wins.
   */
  async advanceStep(userId: string, step: number): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE user_totp SET last_used_step = $2, updated_at = now()
        WHERE user_id = $1 AND confirmed_at IS NOT NULL
          AND (last_used_step IS NULL OR last_used_step < $2)
       RETURNING user_id`,
      [userId, step],
    );
    return returningRows(result).length === 1;
  }

  /** Removes the secret, the recovery codes and pending sign-in challenges. */
  /** `m`: inside a transaction, read through it (the embedded database has one connection). */
  async enabledAmong(userIds: string[], m?: EntityManager): Promise<Set<string>> {
    if (!userIds.length) return new Set();
    const rows: Array<{ user_id: string }> = await (m ?? this.db).query(
      'SELECT user_id FROM user_totp WHERE user_id = ANY($1::uuid[]) AND confirmed_at IS NOT NULL',
      [userIds],
    );
    return new Set(rows.map((r) => r.user_id));
  }

  async removeAll(userId: string, m: EntityManager): Promise<void> {
    await m.query('DELETE FROM mfa_challenges WHERE user_id = $1', [userId]);
    await m.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await m.query('DELETE FROM user_totp WHERE user_id = $1', [userId]);
  }

  async replaceRecoveryCodes(userId: string, hashes: string[], m: EntityManager): Promise<void> {
    await m.query('DELETE FROM mfa_recovery_codes WHERE user_id = $1', [userId]);
    await m.query(
      `INSERT INTO mfa_recovery_codes (user_id, code_hash)
       SELECT $1, unnest($2::text[])`,
      [userId, hashes],
    );
  }

  /** Marks the code used if it is the user's and unused; tells what it was otherwise. */
  async useRecoveryCode(userId: string, hash: string): Promise<RecoveryCodeOutcome> {
    const result = await this.db.query(
      `UPDATE mfa_recovery_codes SET used_at = now()
        WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL
       RETURNING id`,
      [userId, hash],
    );
    if (returningRows(result).length === 1) return 'accepted';
    const known = await this.db.query(
      'SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1 AND code_hash = $2',
      [userId, hash],
    );
    return known.length ? 'used-before' : 'unknown';
  }

  async unusedRecoveryCodes(userId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      'SELECT count(*)::int AS n FROM mfa_recovery_codes WHERE user_id = $1 AND used_at IS NULL',
      [userId],
    );
    return rows[0]?.n ?? 0;
  }

  /** Active users of the organization who have not turned two-factor on. */
  async countWithoutTwoFactor(organizationId: string): Promise<number> {
    const rows: Array<{ n: number }> = await this.db.query(
      `SELECT count(*)::int AS n
         FROM users u
         LEFT JOIN user_totp t ON t.user_id = u.id AND t.confirmed_at IS NOT NULL
        WHERE u.organization_id = $1 AND u.disabled_at IS NULL AND t.user_id IS NULL`,
      [organizationId],
    );
    return rows[0]?.n ?? 0;
  }
}
