import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { AppError } from '../errors/app-error.js';
import type { RequestMeta } from '../http/request-meta.js';
import { SessionEntity } from './session.entity.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { hashToken, newSecretToken } from './secret-token.js';
import { SessionEvents } from './session-events.js';
import { AuditLogService } from '../audit/audit-log.service.js';

/**
 * A refresh token presented again within this window after its rotation is honoured (a reload can
 * lose the response that carried its successor); later, it counts as reuse and ends the session.
 */
export const REUSE_GRACE_MS = 5_000;

export type RevokeReason =
  | 'logout'
  | 'user-revoked'
  | 'refresh-reuse'
  | 'user-disabled'
  | 'password-changed'
  | 'admin-revoked'
  | 'mfa-reset'
  | 'org-erased';

export interface RotatedSession {
  userId: string;
  sessionId: string;
  refreshToken: string;
}

/**
 * Sessions are families of rotating refresh tokens. Presenting a refresh token that was already
 * rotated means it was stolen or replayed: the whole family is revoked.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    private readonly events: SessionEvents,
    private readonly audit: AuditLogService,
  ) {}

  async create(
    userId: string,
    meta: RequestMeta,
    manager?: EntityManager,
  ): Promise<{ sessionId: string; refreshToken: string }> {
    const run = async (m: EntityManager) => {
      const session = await m.getRepository(SessionEntity).save(
        m.getRepository(SessionEntity).create({
          userId,
          ip: meta.ip,
          userAgent: meta.userAgent,
          authenticatedAt: new Date(),
          lastUsedAt: new Date(),
          expiresAt: this.expiry(),
        }),
      );
      const refreshToken = await this.issueToken(m, session.id);
      return { sessionId: session.id, refreshToken };
    };
    return manager ? run(manager) : this.dataSource.transaction(run);
  }

  /** Exchanges a refresh token for a new one. Throws typed errors for unknown, reused or ended sessions. */
  async rotate(refreshToken: string, meta: RequestMeta): Promise<RotatedSession> {
    const outcome = await this.dataSource.transaction(async (m) => {
      const token = await m
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.tokenHash = :hash', { hash: hashToken(refreshToken) })
        .getOne();
      if (!token)
        return {
          error: new AppError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.'),
        };
      const session = await m.getRepository(SessionEntity).findOneBy({ id: token.sessionId });
      if (!session || session.revokedAt || session.expiresAt <= new Date()) {
        return {
          error: new AppError('SESSION_REVOKED', 'Your session has ended. Please sign in again.'),
        };
      }
      if (token.rotatedAt && Date.now() - token.rotatedAt.getTime() > REUSE_GRACE_MS) {
        await this.revokeWith(m, session.id, 'refresh-reuse');
        await this.audit.record(
          {
            action: 'auth.refresh-reuse',
            actor: { userId: session.userId, organizationId: null },
            organizationId: await this.organizationOf(m, session.userId),
            target: { type: 'session', id: session.id },
            ip: meta.ip,
          },
          m,
        );
        return {
          reused: session,
          error: new AppError(
            'REFRESH_TOKEN_REUSED',
            'This sign-in link was used twice, so the session was ended for your safety. Please sign in again.',
          ),
        };
      }
      if (!token.rotatedAt)
        await m
          .getRepository(RefreshTokenEntity)
          .update({ id: token.id }, { rotatedAt: new Date() });
      await m.getRepository(SessionEntity).update(
        { id: session.id },
        {
          lastUsedAt: new Date(),
          expiresAt: this.expiry(),
          ip: meta.ip ?? session.ip,
          userAgent: meta.userAgent ?? session.userAgent,
        },
      );
      const next = await this.issueToken(m, session.id);
      return { rotated: { userId: session.userId, sessionId: session.id, refreshToken: next } };
    });
    if (outcome.reused)
      this.events.revoked([outcome.reused.id], outcome.reused.userId, 'refresh-reuse');
    if (outcome.error) throw outcome.error;
    return outcome.rotated!;
  }

  /** The active session with this id, or null when it is unknown, revoked or expired. */
  async findActive(sessionId: string): Promise<SessionEntity | null> {
    const session = await this.sessions.findOneBy({ id: sessionId, revokedAt: IsNull() });
    return session && session.expiresAt > new Date() ? session : null;
  }

  /** Records that the user just proved who they are again on this session; returns when. */
  async markAuthenticated(sessionId: string): Promise<Date> {
    const at = new Date();
    await this.sessions.update({ id: sessionId }, { authenticatedAt: at });
    return at;
  }

  listActive(userId: string): Promise<SessionEntity[]> {
    return this.sessions
      .createQueryBuilder('s')
      .where('s.userId = :userId', { userId })
      .andWhere('s.revokedAt IS NULL')
      .andWhere('s.expiresAt > now()')
      .orderBy('s.lastUsedAt', 'DESC')
      .getMany();
  }

  /** Revokes one session of the user; 404 when it is not theirs. */
  async revokeOwn(userId: string, sessionId: string, reason: RevokeReason): Promise<void> {
    const session = await this.sessions.findOneBy({ id: sessionId, userId, revokedAt: IsNull() });
    if (!session) throw AppError.notFound('Session');
    await this.revokeWith(this.sessions.manager, sessionId, reason);
    this.events.revoked([sessionId], userId, reason);
  }

  /** Revokes every active session of a user (optionally keeping one); returns the revoked ids. */
  async revokeAllForUser(
    userId: string,
    reason: RevokeReason,
    keepSessionId?: string,
    manager?: EntityManager,
  ): Promise<string[]> {
    const m = manager ?? this.sessions.manager;
    const qb = m
      .getRepository(SessionEntity)
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()', revokeReason: reason })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL');
    if (keepSessionId) qb.andWhere('id <> :keep', { keep: keepSessionId });
    const result = await qb.returning(['id']).execute();
    const ids = (result.raw as Array<{ id: string }>).map((row) => row.id);
    if (ids.length) this.events.revoked(ids, userId, reason);
    return ids;
  }

  private async revokeWith(
    m: EntityManager,
    sessionId: string,
    reason: RevokeReason,
  ): Promise<void> {
    await m
      .getRepository(SessionEntity)
      .update(
        { id: sessionId, revokedAt: IsNull() },
        { revokedAt: new Date(), revokeReason: reason },
      );
  }

  private async issueToken(m: EntityManager, sessionId: string): Promise<string> {
    const token = newSecretToken();
    await m.getRepository(RefreshTokenEntity).insert({ sessionId, tokenHash: hashToken(token) });
    return token;
  }

  private async organizationOf(m: EntityManager, userId: string): Promise<string | null> {
    const rows: Array<{ organization_id: string }> = await m.query(
      'SELECT organization_id FROM users WHERE id = $1',
      [userId],
    );
    return rows[0]?.organization_id ?? null;
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000);
  }
}
