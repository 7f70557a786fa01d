import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@coalesce/protocol';
import type {
  RecoveryCodesDto,
  TwoFactorEnrolmentDto,
  TwoFactorStatusDto,
} from '@coalesce/protocol';
import { AuditLogService } from '../../audit/audit-log.service.js';
import { AppError } from '../../errors/app-error.js';
import type { RequestMeta } from '../../http/request-meta.js';
import type { AuthUser } from '../auth-user.js';
import { isTotpCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes.js';
import { SecretBox } from './secret-box.js';
import { matchTotp, newTotpSecret, TOTP_ISSUER, totpUri } from './totp.js';
import { TwoFactorRepository } from './two-factor.repository.js';
import type { TwoFactorFacts } from './two-factor.repository.js';
import { UserTotpEntity } from './user-totp.entity.js';

/** Where a second factor is being checked (for the audit log). */
export type CodeStage = 'sign-in' | 'reauth' | 'enrolment';
export type SecondFactorMethod = 'totp' | 'recovery-code';

type Who = Pick<AuthUser, 'id' | 'organizationId'>;

const NOT_ON = 'Two-factor authentication is not on for your account.';

/**
 * TOTP second factor: enrolment (secret, confirmation, recovery codes), turning it off,
 * regenerating recovery codes, and checking a code wherever one is asked for.
 */
@Injectable()
export class TwoFactorService {
  private readonly logger = new Logger('TwoFactorService');

  constructor(
    private readonly repo: TwoFactorRepository,
    private readonly box: SecretBox,
    private readonly audit: AuditLogService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async facts(userId: string): Promise<TwoFactorFacts> {
    return (await this.repo.facts(userId)) ?? { enabled: false, requiredByOrganization: false };
  }

  async isEnabled(userId: string): Promise<boolean> {
    return (await this.facts(userId)).enabled;
  }

  /** Which of these users have two-factor on. */
  enabledAmong(userIds: string[], m?: EntityManager): Promise<Set<string>> {
    return this.repo.enabledAmong(userIds, m);
  }

  /**
   * An administrator's reset for a member who lost their authenticator and recovery codes: the
   * secret, recovery codes and pending challenges go (inside the caller's transaction). False when
   * the member had no second factor.
   */
  async reset(userId: string, m: EntityManager): Promise<boolean> {
    const row = await m.getRepository(UserTotpEntity).findOneBy({ userId });
    if (!row) return false;
    await this.repo.removeAll(userId, m);
    return true;
  }

  countWithoutTwoFactor(organizationId: string): Promise<number> {
    return this.repo.countWithoutTwoFactor(organizationId);
  }

  async status(user: Who): Promise<TwoFactorStatusDto> {
    const [row, facts] = await Promise.all([this.repo.find(user.id), this.facts(user.id)]);
    const enabled = Boolean(row?.confirmedAt);
    return {
      enabled,
      enabledAt: row?.confirmedAt?.toISOString() ?? null,
      pendingEnrolment: Boolean(row && !row.confirmedAt),
      recoveryCodesLeft: enabled ? await this.repo.unusedRecoveryCodes(user.id) : 0,
      requiredByOrganization: facts.requiredByOrganization,
    };
  }

  /** Creates a new secret for the user to add to their app; replaces an unconfirmed one. */
  async startEnrolment(user: AuthUser): Promise<TwoFactorEnrolmentDto> {
    const secret = newTotpSecret();
    if (!(await this.repo.saveUnconfirmedSecret(user.id, this.box.seal(secret, user.id)))) {
      throw AppError.conflict(
        'Two-factor authentication is already on. Turn it off first to move it to another app.',
      );
    }
    return {
      secret,
      otpauthUri: totpUri(secret, user.email),
      issuer: TOTP_ISSUER,
      accountName: user.email,
      digits: TOTP_DIGITS,
      periodSeconds: TOTP_PERIOD_SECONDS,
    };
  }

  /** Turns two-factor on once the app proves it holds the secret; returns the recovery codes. */
  async confirmEnrolment(user: Who, code: string, meta: RequestMeta): Promise<RecoveryCodesDto> {
    const row = await this.repo.find(user.id);
    if (row?.confirmedAt) throw AppError.conflict('Two-factor authentication is already on.');
    if (!row) throw AppError.conflict('Start setting up two-factor authentication first.');
    const secret = this.openSecret(row.secretSealed, user.id);
    if (!secret) throw AppError.conflict('Start setting up two-factor authentication again.');
    const match = matchTotp(secret, code);
    if (!match.ok) {
      await this.recordFailure(user, 'enrolment', 'totp', match.reason, meta);
      throw AppError.validation([
        {
          path: 'code',
          message:
            'That code is not correct. Check that the time on your device is right and enter the newest code.',
        },
      ]);
    }
    const codes = newRecoveryCodes();
    await this.db.transaction(async (m) => {
      if (!(await this.repo.confirm(user.id, row.secretSealed, match.step, m))) {
        throw AppError.conflict('Setting up two-factor authentication was restarted meanwhile.');
      }
      await this.repo.replaceRecoveryCodes(user.id, this.hashes(user.id, codes), m);
      await this.audit.record(
        {
          action: 'auth.mfa-enabled',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId: user.organizationId,
          target: { type: 'user', id: user.id },
          ip: meta.ip,
          details: { method: 'totp' },
        },
        m,
      );
    });
    return { recoveryCodes: codes };
  }

  /** Turns two-factor off (or abandons an enrolment); refused while the organization requires it. */
  async disable(user: Who, meta: RequestMeta): Promise<void> {
    const [row, facts] = await Promise.all([this.repo.find(user.id), this.facts(user.id)]);
    if (!row) throw AppError.conflict(NOT_ON);
    if (row.confirmedAt && facts.requiredByOrganization) {
      throw AppError.forbidden(
        'Your organization requires two-factor authentication, so it cannot be turned off.',
      );
    }
    await this.db.transaction(async (m) => {
      await this.repo.removeAll(user.id, m);
      if (row.confirmedAt)
        await this.audit.record(
          {
            action: 'auth.mfa-disabled',
            actor: { userId: user.id, organizationId: user.organizationId },
            organizationId: user.organizationId,
            target: { type: 'user', id: user.id },
            ip: meta.ip,
          },
          m,
        );
    });
  }

  /** New recovery codes; the old ones stop working. */
  async regenerateRecoveryCodes(user: Who, meta: RequestMeta): Promise<RecoveryCodesDto> {
    const row = await this.repo.find(user.id);
    if (!row?.confirmedAt) throw AppError.conflict(NOT_ON);
    const codes = newRecoveryCodes();
    await this.db.transaction(async (m) => {
      await this.repo.replaceRecoveryCodes(user.id, this.hashes(user.id, codes), m);
      await this.audit.record(
        {
          action: 'auth.mfa-recovery-codes-regenerated',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId: user.organizationId,
          target: { type: 'user', id: user.id },
          ip: meta.ip,
        },
        m,
      );
    });
    return { recoveryCodes: codes };
  }

  /**
   * Checks a code typed at sign-in or re-authentication: a 6-digit authenticator code (each time
   * step accepted once) or an unused recovery code (then spent). Failures are audit-logged.
   * Returns how the user proved themselves, or null.
   */
  async verifyCode(
    user: Who,
    code: string,
    stage: Exclude<CodeStage, 'enrolment'>,
    meta: RequestMeta,
  ): Promise<SecondFactorMethod | null> {
    const row = await this.repo.find(user.id);
    if (!row?.confirmedAt) {
      await this.recordFailure(user, stage, null, 'not-enabled', meta);
      return null;
    }
    if (isTotpCode(code)) {
      const secret = this.openSecret(row.secretSealed, user.id);
      const match = secret
        ? matchTotp(secret, code.replace(/\s+/g, ''), {
            lastUsedStep: row.lastUsedStep === null ? null : Number(row.lastUsedStep),
          })
        : ({ ok: false, reason: 'wrong-code' } as const);
      if (match.ok && (await this.repo.advanceStep(user.id, match.step))) return 'totp';
      await this.recordFailure(user, stage, 'totp', match.ok ? 'replayed' : match.reason, meta);
      return null;
    }
    const normalized = normalizeRecoveryCode(code);
    const outcome = normalized
      ? await this.repo.useRecoveryCode(user.id, this.box.hashRecoveryCode(normalized, user.id))
      : 'unknown';
    if (outcome === 'accepted') {
      await this.audit.record({
        action: 'auth.mfa-recovery-code-used',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        target: { type: 'user', id: user.id },
        ip: meta.ip,
        details: { stage, recoveryCodesLeft: await this.repo.unusedRecoveryCodes(user.id) },
      });
      return 'recovery-code';
    }
    await this.recordFailure(
      user,
      stage,
      'recovery-code',
      outcome === 'used-before' ? 'used-before' : 'wrong-code',
      meta,
    );
    return null;
  }

  private hashes(userId: string, codes: string[]): string[] {
    return codes.map((code) => this.box.hashRecoveryCode(normalizeRecoveryCode(code)!, userId));
  }

  /** Null (logged) when the secret cannot be opened, e.g. MFA_ENCRYPTION_KEY was changed. */
  private openSecret(sealed: string, userId: string): string | null {
    try {
      return this.box.open(sealed, userId);
    } catch (error) {
      this.logger.error(
        `The two-factor secret of user ${userId} cannot be opened (was MFA_ENCRYPTION_KEY changed?): ${(error as Error).message}`,
      );
      return null;
    }
  }

  private recordFailure(
    user: Who,
    stage: CodeStage,
    method: SecondFactorMethod | null,
    reason: string,
    meta: RequestMeta,
  ): Promise<void> {
    return this.audit.record({
      action: 'auth.mfa-failed',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'user', id: user.id },
      ip: meta.ip,
      details: { stage, method, reason },
    });
  }
}
