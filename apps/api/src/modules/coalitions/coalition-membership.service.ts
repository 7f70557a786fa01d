import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { CoalitionRole } from '@coalesce/domain';
import type { CoalitionMemberDto, LeaveContributions } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import {
  ContributionRemovals,
  leftCoalitionPlaceholder,
} from '../contributions/contribution-removals.service.js';
import { CoalitionMembersRepository } from './coalition-members.repository.js';

/** Roles of member organizations, removal by a coordinator, and leaving. A coalition keeps one coordinator. */
@Injectable()
export class CoalitionMembershipService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly members: CoalitionMembersRepository,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
    private readonly removals: ContributionRemovals,
  ) {}

  list(coalitionId: string): Promise<CoalitionMemberDto[]> {
    return this.members.list(coalitionId);
  }

  async setRole(
    user: AuthUser,
    coalitionId: string,
    organizationId: string,
    role: CoalitionRole,
    meta: RequestMeta,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      const member = await this.members.find(coalitionId, organizationId, m);
      if (!member) throw AppError.notFound('Member organization');
      if (member.role === role) return;
      if (member.role === 'coordinator') await this.keepOneCoordinator(coalitionId, m);
      await this.members.setRole(coalitionId, organizationId, role, m);
      await this.audit.record(
        {
          action: 'coalition.role-changed',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          organizationId,
          target: { type: 'organization', id: organizationId },
          ip: meta.ip,
          details: { from: member.role, to: role },
        },
        m,
      );
    });
    this.announce(coalitionId, organizationId, 'updated');
  }

  async remove(
    user: AuthUser,
    coalitionId: string,
    organizationId: string,
    meta: RequestMeta,
  ): Promise<void> {
    if (organizationId === user.organizationId) {
      throw AppError.forbidden('To take your own organization out, use "Leave coalition".');
    }
    await this.db.transaction(async (m) => {
      const member = await this.members.find(coalitionId, organizationId, m);
      if (!member) throw AppError.notFound('Member organization');
      if (member.role === 'coordinator') await this.keepOneCoordinator(coalitionId, m);
      await this.members.remove(coalitionId, organizationId, m);
      await this.audit.record(
        {
          action: 'coalition.org-removed',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          organizationId,
          target: { type: 'organization', id: organizationId },
          ip: meta.ip,
          details: { role: member.role },
        },
        m,
      );
    });
    this.announce(coalitionId, organizationId, 'deleted');
  }

  /**
   * The caller's organization leaves; its access stops at once. Its own documents, tasks and maps
   * stay in the coalition as they are. With `replace-with-placeholders`, what its people wrote in
   * documents other organizations own is then replaced by placeholders (queued in the same
   * transaction, run before answering; the periodic job finishes it if this process dies).
   */
  async leave(
    user: AuthUser,
    coalitionId: string,
    contributions: LeaveContributions,
    meta: RequestMeta,
  ): Promise<void> {
    const removalId = await this.db.transaction(async (m) => {
      const member = await this.members.find(coalitionId, user.organizationId, m);
      if (!member) throw AppError.notFound('Coalition');
      if (member.role === 'coordinator') await this.keepOneCoordinator(coalitionId, m);
      await this.members.remove(coalitionId, user.organizationId, m);
      await this.audit.record(
        {
          action: 'coalition.org-left',
          actor: { userId: user.id, organizationId: user.organizationId },
          coalitionId,
          organizationId: user.organizationId,
          target: { type: 'organization', id: user.organizationId },
          ip: meta.ip,
          details: { contributions },
        },
        m,
      );
      if (contributions !== 'replace-with-placeholders') return null;
      const org: Array<{ name: string }> = await m.query(
        'SELECT name FROM organizations WHERE id = $1',
        [user.organizationId],
      );
      return this.removals.enqueue(m, {
        organizationId: user.organizationId,
        coalitionId,
        placeholder: leftCoalitionPlaceholder(org[0].name),
        requestedBy: user.id,
      });
    });
    this.announce(coalitionId, user.organizationId, 'deleted');
    if (removalId) {
      try {
        await this.removals.run(removalId);
      } catch {
        // The organization has left; the replacement is stored as failed and retried by the job.
      }
    }
  }

  /** Access of the org's sockets changes at once; everyone's member lists refresh. */
  private announce(
    coalitionId: string,
    organizationId: string,
    action: 'updated' | 'deleted',
  ): void {
    this.live.accessChanged({ coalitionId, organizationId });
    this.live.entityChanged({ coalitionId, type: 'coalition-member', id: organizationId, action });
  }

  private async keepOneCoordinator(coalitionId: string, m: EntityManager): Promise<void> {
    if ((await this.members.countByRole(coalitionId, 'coordinator', m)) <= 1) {
      throw new AppError(
        'LAST_COORDINATOR',
        'A coalition needs at least one coordinator organization. Make another organization coordinator first.',
      );
    }
  }
}
