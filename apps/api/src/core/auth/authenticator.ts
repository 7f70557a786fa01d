import { Injectable } from '@nestjs/common';
import { AppError } from '../errors/app-error.js';
import { AccessTokens } from './access-tokens.js';
import type { AuthUser } from './auth-user.js';
import { SessionsService } from './sessions.service.js';
import { UsersRepository } from './users.repository.js';

/**
 * Turns an access token into the signed-in user, checking on every call that the session is still
 * active and the account enabled, so revoking a session or disabling a user takes effect at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly sessions: SessionsService,
    private readonly users: UsersRepository,
  ) {}

  async authenticate(token: string | null | undefined): Promise<AuthUser> {
    if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    const claims = await this.tokens.verify(token);
    const [session, user] = await Promise.all([
      this.sessions.findActive(claims.sessionId),
      this.users.findById(claims.userId),
    ]);
    if (!session || !user || session.userId !== user.id) {
      throw new AppError('SESSION_REVOKED', 'Your session has ended. Please sign in again.');
    }
    if (user.disabledAt)
      throw new AppError(
        'ACCOUNT_DISABLED',
        'This account has been disabled by an administrator of your organization.',
      );
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
