import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MFA_CHALLENGE_MAX_ATTEMPTS, MFA_CHALLENGE_TTL_SECONDS } from '@coalesce/protocol';
import type { MfaChallengeDto } from '@coalesce/protocol';
import { returningRows } from '../../database/returning-rows.js';
import { hashToken, newSecretToken } from '../secret-token.js';
import { MfaChallengeEntity } from './mfa-challenge.entity.js';

/**
 * Sign-in challenges: after a correct password, a 256-bit random token (stored hashed) that the
 * second step presents with a code. Each challenge lives a few minutes, survives a few wrong codes
 * and opens at most one session.
 */
@Injectable()
export class MfaChallenges {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(userId: string): Promise<MfaChallengeDto> {
    // Housekeeping: challenges are worthless once expired.
    await this.db.query(`DELETE FROM mfa_challenges WHERE expires_at < now() - interval '1 day'`);
    const token = newSecretToken();
    await this.db.getRepository(MfaChallengeEntity).insert({
      userId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + MFA_CHALLENGE_TTL_SECONDS * 1000),
    });
    return { mfaRequired: true, challengeToken: token, expiresIn: MFA_CHALLENGE_TTL_SECONDS };
  }

  /** The challenge if it is unexpired, unused and has wrong attempts left; else null. */
  async findActive(token: string): Promise<MfaChallengeEntity | null> {
    const challenge = await this.db
      .getRepository(MfaChallengeEntity)
      .findOneBy({ tokenHash: hashToken(token) });
    if (!challenge || challenge.consumedAt || challenge.expiresAt <= new Date()) return null;
    if (challenge.failedAttempts >= MFA_CHALLENGE_MAX_ATTEMPTS) return null;
    return challenge;
  }

  /** Counts a wrong code; returns the attempts left (0: the challenge is spent). */
  async recordFailure(id: string): Promise<number> {
    const result = await this.db.query(
      `UPDATE mfa_challenges SET failed_attempts = failed_attempts + 1 WHERE id = $1
       RETURNING failed_attempts`,
      [id],
    );
    const [row] = returningRows<{ failed_attempts: number }>(result);
    return Math.max(
      0,
      MFA_CHALLENGE_MAX_ATTEMPTS - (row?.failed_attempts ?? MFA_CHALLENGE_MAX_ATTEMPTS),
    );
  }

  /** Uses the challenge up; false when another request already did (or it expired meanwhile). */
  async consume(id: string): Promise<boolean> {
    const result = await this.db.query(
      `UPDATE mfa_challenges SET consumed_at = now()
        WHERE id = $1 AND consumed_at IS NULL AND expires_at > now() AND failed_attempts < $2
       RETURNING id`,
      [id, MFA_CHALLENGE_MAX_ATTEMPTS],
    );
    return returningRows(result).length === 1;
  }
}
