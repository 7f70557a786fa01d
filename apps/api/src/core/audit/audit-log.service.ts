import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuditAction, AuditEntryDto, AuditQuery, Page } from '@coalesce/protocol';
import { AuditEntryEntity } from './audit-entry.entity.js';

export interface AuditActor {
  userId: string | null;
  organizationId: string | null;
}

export interface AuditRecord {
  action: AuditAction;
  actor: AuditActor | null;
  /** The organization the event concerns (the org audit log shows it). */
  organizationId?: string | null;
  /** The coalition the event concerns (the coalition audit log shows it). */
  coalitionId?: string | null;
  target?: { type: string; id: string } | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export type AuditScope = { organizationId: string } | { coalitionId: string };

/** Writes and reads the append-only audit log. Inside a transaction, pass its manager. */
@Injectable()
export class AuditLogService {
  constructor(
    @InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>,
  ) {}

  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repo.insert({
      action: record.action,
      actorUserId: record.actor?.userId ?? null,
      actorOrgId: record.actor?.organizationId ?? null,
      organizationId: record.organizationId ?? null,
      coalitionId: record.coalitionId ?? null,
      targetType: record.target?.type ?? null,
      targetId: record.target?.id ?? null,
      ip: record.ip ?? null,
      details: (record.details ?? {}) as never,
    });
  }

  /** Newest first, paged by id. */
  async list(scope: AuditScope, query: AuditQuery): Promise<Page<AuditEntryDto>> {
    const qb = this.entries
      .createQueryBuilder('a')
      .leftJoin('users', 'u', 'u.id = a.actor_user_id')
      .addSelect('u.name', 'actor_name')
      .orderBy('a.id', 'DESC')
      .limit(query.limit + 1);
    if ('organizationId' in scope)
      qb.where('a.organization_id = :org', { org: scope.organizationId });
    else qb.where('a.coalition_id = :coalition', { coalition: scope.coalitionId });
    if (query.action) qb.andWhere('a.action = :action', { action: query.action });
    if (query.actorUserId) qb.andWhere('a.actor_user_id = :actor', { actor: query.actorUserId });
    if (query.since) qb.andWhere('a.occurred_at >= :since', { since: query.since });
    if (query.until) qb.andWhere('a.occurred_at < :until', { until: query.until });
    if (query.cursor) qb.andWhere('a.id < :cursor', { cursor: query.cursor });
    const { entities, raw } = await qb.getRawAndEntities();
    const names = new Map(
      raw.map((row: { a_id: string; actor_name: string | null }) => [
        String(row.a_id),
        row.actor_name,
      ]),
    );
    const page = entities.slice(0, query.limit);
    return {
      items: page.map((e) => toDto(e, names.get(String(e.id)) ?? null)),
      nextCursor: entities.length > query.limit ? String(page[page.length - 1].id) : null,
    };
  }
}

function toDto(e: AuditEntryEntity, actorName: string | null): AuditEntryDto {
  return {
    id: String(e.id),
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    actor:
      e.actorUserId || e.actorOrgId
        ? { userId: e.actorUserId, name: actorName, organizationId: e.actorOrgId }
        : null,
    organizationId: e.organizationId,
    coalitionId: e.coalitionId,
    targetType: e.targetType,
    targetId: e.targetId,
    ip: e.ip,
    details: e.details,
  };
}
