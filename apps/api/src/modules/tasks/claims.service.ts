import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { claimExpiry, DEFAULT_CLAIM_DAYS, normalizeClaimKey } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import type { ClaimCreate, ClaimDto, ClaimHandOff } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { ActivityRepository } from './activity.repository.js';
import { ClaimsRepository } from './claims.repository.js';
import { TasksRepository } from './tasks.repository.js';

/**
 * Claims: an organization says "we are on it" about a task or a lobbying target, until an expiry
 * (14 days by default). A target has at most one live claim: a second claimant is refused with who
 * holds it. The holder (or a coordinator) may release it or hand it off to another organization.
 */
@Injectable()
export class ClaimsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: ClaimsRepository,
    private readonly tasks: TasksRepository,
    private readonly activity: ActivityRepository,
    private readonly audit: AuditLogService,
    private readonly live: LiveEvents,
  ) {}

  list(coalitionId: string, now = new Date()): Promise<ClaimDto[]> {
    return this.repo.live(coalitionId, now);
  }

  async create(
    user: AuthUser,
    coalitionId: string,
    input: ClaimCreate,
    now = new Date(),
  ): Promise<ClaimDto> {
    const claim = await this.db.transaction(async (m) => {
      const target = await this.target(m, coalitionId, input);
      // A claim that ran out but was not yet swept by the job does not block anyone.
      await this.repo.releaseExpired(
        m,
        now,
        'AND coalition_id = $3 AND target_kind = $4 AND target_key = $5',
        [coalitionId, input.targetKind, target.key],
      );
      const holder = await this.repo.holderOf(m, coalitionId, input.targetKind, target.key);
      if (holder) throw claimed(holder);
      const id = await this.repo.insert(m, {
        coalitionId,
        targetKind: input.targetKind,
        targetKey: target.key,
        targetLabel: target.label,
        taskId: target.taskId,
        organizationId: user.organizationId,
        userId: user.id,
        note: input.note,
        expiresAt: claimExpiry(now, input.days),
      });
      await this.activity.record(m, {
        coalitionId,
        taskId: target.taskId,
        claimId: id,
        actor: { userId: user.id, organizationId: user.organizationId },
        action: 'claim.created',
        changes: {
          target: target.label,
          kind: input.targetKind,
          days: input.days,
          note: input.note,
        },
      });
      return (await this.repo.one(m, coalitionId, id))!;
    });
    this.announce(claim, 'created');
    return claim;
  }

  async release(
    user: AuthUser,
    role: CoalitionRole,
    coalitionId: string,
    claimId: string,
    now = new Date(),
  ): Promise<void> {
    const claim = await this.db.transaction(async (m) => {
      const claim = await this.liveClaim(m, coalitionId, claimId, user, role);
      await this.repo.release(m, claimId, 'released', now);
      await this.activity.record(m, {
        coalitionId,
        taskId: claim.taskId,
        claimId,
        actor: { userId: user.id, organizationId: user.organizationId },
        action: 'claim.released',
        changes: {
          target: claim.targetLabel || claim.targetKey,
          organization: claim.organization.name,
        },
      });
      return claim;
    });
    this.announce(claim, 'deleted');
  }

  async handOff(
    user: AuthUser,
    role: CoalitionRole,
    coalitionId: string,
    claimId: string,
    input: ClaimHandOff,
    meta: RequestMeta,
    now = new Date(),
  ): Promise<ClaimDto> {
    const [old, next] = await this.db.transaction(async (m) => {
      const claim = await this.liveClaim(m, coalitionId, claimId, user, role);
      const members: Array<{ role: CoalitionRole; name: string }> = await m.query(
        `SELECT cm.role, o.name FROM coalition_members cm JOIN organizations o ON o.id = cm.organization_id
          WHERE cm.coalition_id = $1 AND cm.organization_id = $2`,
        [coalitionId, input.organizationId],
      );
      if (!members.length || members[0].role === 'observer')
        throw AppError.validation([
          {
            path: 'organizationId',
            message: 'Hand a claim off only to a member organization that can do the work.',
          },
        ]);
      if (input.organizationId === claim.organization.id)
        throw AppError.validation([
          { path: 'organizationId', message: 'This organization already holds the claim.' },
        ]);
      await this.repo.release(m, claimId, 'handed_off', now);
      const id = await this.repo.insert(m, {
        coalitionId,
        targetKind: claim.targetKind,
        targetKey: claim.targetKey,
        targetLabel: claim.targetLabel,
        taskId: claim.taskId,
        organizationId: input.organizationId,
        userId: null,
        note: input.note ?? claim.note,
        expiresAt: claimExpiry(now, DEFAULT_CLAIM_DAYS),
      });
      const actor = { userId: user.id, organizationId: user.organizationId };
      const changes = {
        target: claim.targetLabel || claim.targetKey,
        from: claim.organization.name,
        to: members[0].name,
      };
      await this.activity.record(m, {
        coalitionId,
        taskId: claim.taskId,
        claimId: id,
        actor,
        action: 'claim.handed-off',
        changes,
      });
      await this.audit.record(
        {
          action: 'claim.handed-off',
          actor,
          coalitionId,
          target: { type: 'claim', id },
          ip: meta.ip,
          details: changes,
        },
        m,
      );
      return [claim, (await this.repo.one(m, coalitionId, id))!] as const;
    });
    this.announce(old, 'deleted');
    this.announce(next, 'created');
    return next;
  }

  private async target(
    m: EntityManager,
    coalitionId: string,
    input: ClaimCreate,
  ): Promise<{ key: string; label: string; taskId: string | null }> {
    if (input.targetKind !== 'task')
      return {
        key: normalizeClaimKey(input.targetKey),
        label: input.targetLabel || input.targetKey.trim(),
        taskId: null,
      };
    const uuid = /^[0-9a-f-]{36}$/i.test(input.targetKey) ? input.targetKey.toLowerCase() : null;
    const task = uuid ? await this.tasks.one(m, coalitionId, uuid) : null;
    if (!task)
      throw AppError.validation([
        { path: 'targetKey', message: 'No such task in this coalition.' },
      ]);
    return { key: task.id, label: task.title, taskId: task.id };
  }

  /** A live claim the caller may change: its organization's, or any for a coordinator. */
  private async liveClaim(
    m: EntityManager,
    coalitionId: string,
    claimId: string,
    user: AuthUser,
    role: CoalitionRole,
  ): Promise<ClaimDto> {
    const claim = await this.repo.one(m, coalitionId, claimId);
    if (!claim) throw AppError.notFound('Claim');
    if (claim.released) throw AppError.conflict('This claim was already released.');
    if (claim.organization.id !== user.organizationId && role !== 'coordinator')
      throw AppError.forbidden(
        'Only the organization holding the claim, or a coordinator, may do this.',
      );
    const { released: _released, ...dto } = claim;
    return dto;
  }

  private announce(claim: ClaimDto, action: 'created' | 'updated' | 'deleted'): void {
    this.live.entityChanged({
      coalitionId: claim.coalitionId,
      type: 'claim',
      id: claim.id,
      action,
    });
    if (claim.taskId)
      this.live.entityChanged({
        coalitionId: claim.coalitionId,
        type: 'task',
        id: claim.taskId,
        action: 'updated',
      });
  }
}

function claimed(holder: ClaimDto): AppError {
  const who = holder.user
    ? `${holder.user.name} (${holder.organization.name})`
    : holder.organization.name;
  return AppError.conflictWith(
    `Already claimed by ${who} until ${holder.expiresAt.slice(0, 10)}.`,
    { claim: holder },
  );
}
