import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ContributionCounts, OrgErasureDto } from '@coalesce/protocol';
import { AccessPolicy } from '../../../core/access/access-policy.service.js';
import { AuditLogService } from '../../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../../core/auth/auth-user.js';
import { SessionsService } from '../../../core/auth/sessions.service.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { RequestMeta } from '../../../core/http/request-meta.js';
import { LiveEvents } from '../../../core/realtime/live-events.js';
import { DocStore } from '../../collab/doc-store.js';
import { ContributionRemover } from '../../contributions/contribution-remover.js';
import { OrgErasureRepository } from './org-erasure.repository.js';
import type { DeletedWork } from './org-erasure.repository.js';

/** What replaces an erased organization's contributions to other organizations' documents. */
export const ERASED_PLACEHOLDER = '[removed: content of an erased organization]';

/**
 * Erases an organization at its admin's request (with its name typed again):
 *
 * 1. at once, in one transaction: the organization leaves every coalition (refused while it is the
 *    last coordinator of a coalition with other members), its people are disabled and their
 *    sessions end (sockets disconnect), and `org_erasures` records the request;
 * 2. then (resumed by the periodic job if the process dies): its contributions to others'
 *    documents become placeholders, its documents are deleted with their history, its tasks,
 *    positions, meetings and claims are deleted, its people and the organization are anonymised,
 *    and a final `organization.erased` audit entry is written with the counts.
 *
 * The audit log itself is append-only (database triggers): entries about the organization stay.
 */
@Injectable()
export class OrgErasureService {
  private readonly logger = new Logger('OrgErasure');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly repo: OrgErasureRepository,
    private readonly sessions: SessionsService,
    private readonly contributions: ContributionRemover,
    private readonly policy: AccessPolicy,
    private readonly store: DocStore,
    private readonly live: LiveEvents,
    private readonly audit: AuditLogService,
  ) {}

  async erase(
    user: AuthUser,
    organizationId: string,
    confirmName: string,
    meta: RequestMeta,
  ): Promise<OrgErasureDto> {
    await this.request(user, organizationId, confirmName, meta);
    try {
      await this.complete(organizationId);
    } catch {
      // Logged and recorded by complete(); the periodic job runs it again.
    }
    const result = await this.repo.result(organizationId);
    if (!result) {
      throw new AppError(
        'UNAVAILABLE',
        'Your organization has been signed out and removed from its coalitions; erasing its data did not finish yet and will be completed automatically.',
      );
    }
    return {
      organizationId,
      erasedAt: result.completedAt.toISOString(),
      counts: result.counts,
    };
  }

  private async request(
    user: AuthUser,
    organizationId: string,
    confirmName: string,
    meta: RequestMeta,
  ): Promise<void> {
    const coalitionIds = await this.db.transaction(async (m) => {
      const orgs: Array<{ name: string }> = await m.query(
        'SELECT name FROM organizations WHERE id = $1 FOR UPDATE',
        [organizationId],
      );
      if (!orgs.length) throw AppError.notFound('Organization');
      const name = orgs[0].name;
      if (normalized(confirmName) !== normalized(name)) {
        throw AppError.validation(
          [{ path: 'confirmName', message: `Type the organization's name exactly: "${name}".` }],
          'The name does not match.',
        );
      }
      if (await this.repo.isRequested(m, organizationId))
        throw AppError.conflict('The erasure of this organization is already under way.');
      const blocked = await this.repo.lastCoordinatorOf(m, organizationId);
      if (blocked.length) {
        throw new AppError(
          'LAST_COORDINATOR',
          `Your organization is the only coordinator of ${blocked.map((c) => c.name).join(', ')}. Make another organization coordinator there first.`,
          { details: { coalitions: blocked } },
        );
      }
      await this.repo.request(m, organizationId, user.id);
      const cut = await this.repo.cutOff(m, organizationId);
      for (const userId of cut.userIds)
        await this.sessions.revokeAllForUser(userId, 'org-erased', undefined, m);
      await this.audit.record(
        {
          action: 'organization.erase-requested',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId,
          target: { type: 'organization', id: organizationId },
          ip: meta.ip,
          details: { coalitionsLeft: cut.coalitionIds.length, peopleDisabled: cut.userIds.length },
        },
        m,
      );
      return cut.coalitionIds;
    });
    for (const coalitionId of coalitionIds) {
      this.live.accessChanged({ coalitionId, organizationId });
      this.live.entityChanged({
        coalitionId,
        type: 'coalition-member',
        id: organizationId,
        action: 'deleted',
      });
    }
  }

  /** Runs (or resumes) a requested erasure; false when there is none to run now. */
  async complete(organizationId: string): Promise<boolean> {
    const claim = await this.repo.claim(organizationId);
    if (!claim) return false;
    try {
      const replaced = await this.contributions.replace({
        organizationId,
        coalitionId: null,
        placeholder: ERASED_PLACEHOLDER,
      });
      const docs = await this.repo.ownedDocuments(organizationId);
      const audiences = new Map<string, string[]>();
      for (const doc of docs)
        audiences.set(doc.id, [...(await this.policy.documentAudience(doc.id)).keys()]);
      const userIds = await this.repo.people(organizationId);
      const work = await this.db.transaction(async (m) => {
        const documentsDeleted = await this.repo.deleteDocuments(
          m,
          organizationId,
          docs.map((d) => d.id),
        );
        const deleted = await this.repo.deleteWork(m, organizationId, userIds);
        const personal = await this.repo.anonymise(m, organizationId, userIds);
        const counts = { documentsDeleted, ...deleted.counts, ...personal, ...prefixed(replaced) };
        await this.repo.complete(m, organizationId, counts);
        await this.audit.record(
          {
            action: 'organization.erased',
            actor: claim.requestedBy ? { userId: claim.requestedBy, organizationId } : null,
            organizationId,
            target: { type: 'organization', id: organizationId },
            details: counts,
          },
          m,
        );
        return deleted;
      });
      for (const doc of docs) {
        this.store.cache.delete(doc.id);
        this.live.accessChanged({ docId: doc.id, reason: 'deleted' });
        const organizationIds = audiences.get(doc.id) ?? [];
        if (organizationIds.length) {
          this.live.entityChanged({
            coalitionId: doc.coalition_id,
            type: 'document',
            id: doc.id,
            action: 'deleted',
            organizationIds,
          });
        }
      }
      this.announce(work);
      return true;
    } catch (error) {
      this.logger.error({ err: error }, `erasure of organization ${organizationId} failed`);
      await this.repo.failed(organizationId, (error as Error).message);
      throw error;
    }
  }

  /** Runs the erasures that were interrupted (the periodic job); returns how many finished. */
  async resumePending(): Promise<number> {
    let finished = 0;
    for (const organizationId of await this.repo.pending()) {
      try {
        if (await this.complete(organizationId)) finished += 1;
      } catch {
        // Logged and stored by complete(); the next pass tries again.
      }
    }
    return finished;
  }

  private announce(work: DeletedWork): void {
    const send = (
      refs: Array<{ id: string; coalition_id: string }>,
      type: string,
      action: 'updated' | 'deleted',
    ) => {
      const seen = new Set<string>();
      for (const ref of refs) {
        if (seen.has(ref.id)) continue;
        seen.add(ref.id);
        this.live.entityChanged({ coalitionId: ref.coalition_id, type, id: ref.id, action });
      }
    };
    send(work.tasks, 'task', 'deleted');
    send(work.unassignedTasks, 'task', 'updated');
    send(work.meetings, 'meeting', 'deleted');
    send(work.claims, 'claim', 'deleted');
    send(work.positionBills, 'bill', 'updated');
  }
}

function normalized(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

function prefixed(counts: ContributionCounts): Record<string, number> {
  return {
    documentsWithPlaceholders: counts.documents,
    placeholders: counts.placeholders,
    blocksReplaced: counts.blocks,
    mapNodesReplaced: counts.mapNodes,
    mapEdgesRemoved: counts.mapEdges,
    commentsReplaced: counts.comments,
    versionsRewritten: counts.versions,
    ambiguousClients: counts.ambiguousClients,
  };
}
