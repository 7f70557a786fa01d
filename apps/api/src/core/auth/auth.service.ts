import { Injectable } from '@nestjs/common';
import type {
  AuthTokens,
  ChangePasswordInput,
  LoginInput,
  MfaChallengeDto,
  SessionDto,
} from '@coalesce/protocol';
import { AuditLogService } from '../audit/audit-log.service.js';
import { AppError } from '../errors/app-error.js';
import type { RequestMeta } from '../http/request-meta.js';
import { AccessTokens } from './access-tokens.js';
import type { AuthUser } from './auth-user.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { MfaChallenges } from './mfa/mfa-challenges.js';
import { TwoFactorService } from './mfa/two-factor.service.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

export interface SignedIn extends AuthTokens {
  refreshToken: string;
}

/** Sign-in, token refresh, sign-out, sessions and password changes. */
@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionsService,
    private readonly tokens: AccessTokens,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditLogService,
    private readonly twoFactor: TwoFactorService,
    private readonly challenges: MfaChallenges,
  ) {}

  /**
   * Checks the password. Without two-factor it opens a session; with two-factor on it answers a
   * challenge instead, and POST /auth/mfa/verify opens the session once a code is given.
   */
  async login(input: LoginInput, meta: RequestMeta): Promise<SignedIn | MfaChallengeDto> {
    this.limiter.checkAttempt(meta.ip ?? 'unknown', input.email);
    const user = await this.users.findByEmailWithHash(input.email);
    const ok = user
      ? await this.hasher.verify(user.passwordHash, input.password)
      : await this.hasher.verifyNothing(input.password);
    if (!user || !ok) {
      this.limiter.recordFailure(input.email);
      await this.audit.record({
        action: 'auth.login-failed',
        actor: user ? { userId: user.id, organizationId: user.organizationId } : null,
        organizationId: user?.organizationId ?? null,
        ip: meta.ip,
        details: { email: input.email, reason: user ? 'wrong-password' : 'unknown-email' },
      });
      throw new AppError('INVALID_CREDENTIALS', 'The email or password is not correct.');
    }
    if (user.disabledAt) {
      await this.audit.record({
        action: 'auth.login-failed',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        ip: meta.ip,
        details: { email: input.email, reason: 'disabled' },
      });
      throw new AppError(
        'ACCOUNT_DISABLED',
        'This account has been disabled by an administrator of your organization.',
      );
    }
    this.limiter.recordSuccess(input.email);
    if (await this.twoFactor.isEnabled(user.id)) return this.challenges.create(user.id);
    return this.startSession(user.id, user.organizationId, meta);
  }

  /** Opens a session for a user who just proved who they are (sign-in or sign-up). */
  async startSession(
    userId: string,
    organizationId: string,
    meta: RequestMeta,
    details?: Record<string, unknown>,
  ): Promise<SignedIn> {
    const { sessionId, refreshToken } = await this.sessions.create(userId, meta);
    await this.audit.record({
      action: 'auth.login',
      actor: { userId, organizationId },
      organizationId,
      target: { type: 'session', id: sessionId },
      ip: meta.ip,
      details,
    });
    return { ...(await this.accessToken(userId, sessionId)), refreshToken };
  }

  async refresh(refreshToken: string | null, meta: RequestMeta): Promise<SignedIn> {
    if (!refreshToken) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    const rotated = await this.sessions.rotate(refreshToken, meta);
    const user = await this.users.findById(rotated.userId);
    if (!user || user.disabledAt) {
      await this.sessions.revokeAllForUser(rotated.userId, 'user-disabled');
      throw new AppError(
        'ACCOUNT_DISABLED',
        'This account has been disabled by an administrator of your organization.',
      );
    }
    return {
      ...(await this.accessToken(rotated.userId, rotated.sessionId)),
      refreshToken: rotated.refreshToken,
    };
  }

  async logout(user: AuthUser, meta: RequestMeta): Promise<void> {
    await this.sessions.revokeOwn(user.id, user.sessionId, 'logout');
    await this.audit.record({
      action: 'auth.logout',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'session', id: user.sessionId },
      ip: meta.ip,
    });
  }

  async listSessions(user: AuthUser): Promise<SessionDto[]> {
    const sessions = await this.sessions.listActive(user.id);
    return sessions.map((s) => ({
      id: s.id,
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastUsedAt: s.lastUsedAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      current: s.id === user.sessionId,
    }));
  }

  async revokeSession(user: AuthUser, sessionId: string, meta: RequestMeta): Promise<void> {
    await this.sessions.revokeOwn(user.id, sessionId, 'user-revoked');
    await this.audit.record({
      action: 'session.revoked',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'session', id: sessionId },
      ip: meta.ip,
    });
  }

  async revokeOtherSessions(user: AuthUser, meta: RequestMeta): Promise<{ revoked: number }> {
    const ids = await this.sessions.revokeAllForUser(user.id, 'user-revoked', user.sessionId);
    for (const id of ids) {
      await this.audit.record({
        action: 'session.revoked',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        target: { type: 'session', id },
        ip: meta.ip,
      });
    }
    return { revoked: ids.length };
  }

  async changePassword(
    user: AuthUser,
    input: ChangePasswordInput,
    meta: RequestMeta,
  ): Promise<void> {
    const hash = await this.users.findHashById(user.id);
    if (!hash || !(await this.hasher.verify(hash, input.currentPassword))) {
      throw AppError.validation([
        { path: 'currentPassword', message: 'The current password is not correct.' },
      ]);
    }
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(input.password) });
    await this.sessions.revokeAllForUser(user.id, 'password-changed', user.sessionId);
    await this.audit.record({
      action: 'auth.password-changed',
      actor: { userId: user.id, organizationId: user.organizationId },
      organizationId: user.organizationId,
      target: { type: 'user', id: user.id },
      ip: meta.ip,
    });
  }

  private async accessToken(userId: string, sessionId: string): Promise<AuthTokens> {
    return {
      accessToken: await this.tokens.sign({ userId, sessionId }),
      expiresIn: this.tokens.ttlSeconds,
    };
  }
}
