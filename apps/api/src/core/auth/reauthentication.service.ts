import { Injectable } from '@nestjs/common';
import { REAUTH_WINDOW_SECONDS } from '@coalesce/protocol';
import type { ReauthDto, ReauthInput } from '@coalesce/protocol';
import { AuditLogService } from '../audit/audit-log.service.js';
import { AppError } from '../errors/app-error.js';
import type { RequestMeta } from '../http/request-meta.js';
import type { AuthUser } from './auth-user.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { TwoFactorService } from './mfa/two-factor.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

/**
 * "Confirm it is you": the password, plus a code when two-factor is on, mark the current session
 * as freshly authenticated, which the sensitive changes (email, password, second factor) require.
 * Wrong attempts count against the rate limits like sign-ins, and are audit-logged.
 */
@Injectable()
export class ReauthenticationService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly twoFactor: TwoFactorService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditLogService,
  ) {}

  async reauthenticate(user: AuthUser, input: ReauthInput, meta: RequestMeta): Promise<ReauthDto> {
    const account = `reauth:${user.id}`;
    this.limiter.checkAttempt(meta.ip ?? 'unknown', account);
    const hash = await this.users.findHashById(user.id);
    if (!hash || !(await this.hasher.verify(hash, input.password))) {
      this.limiter.recordFailure(account);
      await this.audit.record({
        action: 'auth.reauth-failed',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        target: { type: 'session', id: user.sessionId },
        ip: meta.ip,
        details: { reason: 'wrong-password' },
      });
      throw AppError.validation([{ path: 'password', message: 'The password is not correct.' }]);
    }
    let secondFactor: string | null = null;
    if (await this.twoFactor.isEnabled(user.id)) {
      if (!input.code) {
        throw AppError.validation([
          {
            path: 'code',
            message: 'Enter the 6-digit code from your authenticator app, or a recovery code.',
          },
        ]);
      }
      secondFactor = await this.twoFactor.verifyCode(user, input.code, 'reauth', meta);
      if (!secondFactor) {
        this.limiter.recordFailure(account);
        throw AppError.validation([{ path: 'code', message: 'That code is not correct.' }]);
      }
    }
    this.limiter.recordSuccess(account);
    const at = await this.sessions.markAuthenticated(user.sessionId);
    await this.audit.record({
      action: 'auth.reauthenticated',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'session', id: user.sessionId },
      ip: meta.ip,
      details: { secondFactor },
    });
    return {
      authenticatedAt: at.toISOString(),
      validUntil: new Date(at.getTime() + REAUTH_WINDOW_SECONDS * 1000).toISOString(),
    };
  }
}
