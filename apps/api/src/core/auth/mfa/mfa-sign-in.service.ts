import { Injectable } from '@nestjs/common';
import type { MfaVerifyInput } from '@coalesce/protocol';
import { AppError } from '../../errors/app-error.js';
import type { RequestMeta } from '../../http/request-meta.js';
import { AuthService } from '../auth.service.js';
import type { SignedIn } from '../auth.service.js';
import { LoginRateLimiter } from '../login-rate-limiter.js';
import { UsersRepository } from '../users.repository.js';
import { MfaChallenges } from './mfa-challenges.js';
import { TwoFactorService } from './two-factor.service.js';

const EXPIRED = 'This sign-in has expired. Enter your email and password again.';

/**
 * The second step of signing in with two-factor on: the challenge from POST /auth/login and a
 * code open a session, exactly as a sign-in without two-factor does. Attempts count against the
 * client IP and the account (as sign-ins do) and against the challenge itself.
 */
@Injectable()
export class MfaSignInService {
  constructor(
    private readonly challenges: MfaChallenges,
    private readonly twoFactor: TwoFactorService,
    private readonly users: UsersRepository,
    private readonly limiter: LoginRateLimiter,
    private readonly auth: AuthService,
  ) {}

  async verify(input: MfaVerifyInput, meta: RequestMeta): Promise<SignedIn> {
    const ip = meta.ip ?? 'unknown';
    const challenge = await this.challenges.findActive(input.challengeToken);
    if (!challenge) {
      this.limiter.checkAttempt(ip, 'mfa:unknown-challenge');
      throw new AppError('MFA_CHALLENGE_EXPIRED', EXPIRED);
    }
    const account = `mfa:${challenge.userId}`;
    this.limiter.checkAttempt(ip, account);
    const user = await this.users.findById(challenge.userId);
    if (!user) throw new AppError('MFA_CHALLENGE_EXPIRED', EXPIRED);
    if (user.disabledAt) {
      await this.challenges.consume(challenge.id);
      throw new AppError(
        'ACCOUNT_DISABLED',
        'This account has been disabled by an administrator of your organization.',
      );
    }
    const method = await this.twoFactor.verifyCode(user, input.code, 'sign-in', meta);
    if (!method) {
      this.limiter.recordFailure(account);
      const attemptsLeft = await this.challenges.recordFailure(challenge.id);
      if (attemptsLeft === 0) {
        throw new AppError(
          'MFA_CHALLENGE_EXPIRED',
          'Too many wrong codes. Enter your email and password again.',
        );
      }
      throw new AppError('MFA_CODE_INVALID', 'That code is not correct.', {
        details: { attemptsLeft },
      });
    }
    if (!(await this.challenges.consume(challenge.id))) {
      throw new AppError('MFA_CHALLENGE_EXPIRED', EXPIRED);
    }
    this.limiter.recordSuccess(account);
    return this.auth.startSession(user.id, user.organizationId, meta, { secondFactor: method });
  }
}
