import { Injectable } from '@nestjs/common';
import { REAUTH_WINDOW_SECONDS } from '@coalesce/protocol';
import { AppError } from '../errors/app-error.js';
import { AccessTokens } from './access-tokens.js';
import type { AuthUser } from './auth-user.js';
import { TwoFactorRepository } from './mfa/two-factor.repository.js';
import type { SessionRequirements } from './session-requirements.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

/**
 * Turns an access token into the signed-in user, checking on every call that the session is still
 * active and the account enabled, so revoking a session or disabling a user takes effect at once.
 * It also holds members to their organization's two-factor requirement (until they enrol, only
 * routes marked for it are open, and no socket) and, where a route asks, to a recent sign-in.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
    private readonly twoFactor: TwoFactorRepository,
  ) {}

  async authenticate(
    token: string | null | undefined,
    requirements: SessionRequirements = {},
  ): Promise<AuthUser> {
    if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    const claims = await this.tokens.verify(token);
    const [session, user, factors] = await Promise.all([
      this.sessions.findActive(claims.sessionId),
      this.users.findById(claims.userId),
      this.twoFactor.facts(claims.userId),
    ]);
    if (!session || !user || session.userId !== user.id) {
      throw new AppError('SESSION_REVOKED', 'Your session has ended. Please sign in again.');
    }
    if (user.disabledAt)
      throw new AppError(
        'ACCOUNT_DISABLED',
        'This account has been disabled by an administrator of your organization.',
      );
    if (factors?.requiredByOrganization && !factors.enabled && !requirements.beforeMfaEnrolment) {
      throw new AppError(
        'MFA_ENROLMENT_REQUIRED',
        'Your organization requires two-factor authentication. Set it up to continue.',
      );
    }
    if (
      requirements.recentAuthentication &&
      Date.now() - session.authenticatedAt.getTime() > REAUTH_WINDOW_SECONDS * 1000
    ) {
      throw new AppError(
        'REAUTH_REQUIRED',
        'For your security, confirm it is you: this change needs a sign-in from the last 5 minutes.',
      );
    }
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      organizationId: user.organizationId,
      orgRole: user.orgRole,
      sessionId: session.id,
    };
  }

  /** The bearer token of an Authorization header, or null. */
  static bearer(header: string | undefined): string | null {
    if (!header) return null;
    const [scheme, value] = header.split(' ');
    return scheme?.toLowerCase() === 'bearer' && value ? value : null;
  }
}
