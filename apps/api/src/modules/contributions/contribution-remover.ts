import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RICH_TEXT_DOC_KINDS } from '@coalesce/domain';
import type { ContributionCounts } from '@coalesce/protocol';
import { DEFAULT_FIELD } from '@coalesce/rich-text';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { returningRows } from '../../core/database/returning-rows.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { DocClients } from '../collab/doc-clients.js';
import { ScrubbingEdits } from '../collab/scrubbing-edits.service.js';
import { replaceOrgMapItems } from './map-placeholders.js';
import { replaceAuthoredText } from './text-placeholders.js';

export interface ContributionScope {
  organizationId: string;
  /** One coalition (leaving it), or null for every coalition (an erasure). */
  coalitionId: string | null;
  /** The text that replaces each contribution, e.g. "[removed: Polaris left the coalition]". */
  placeholder: string;
}

export function emptyCounts(): ContributionCounts {
  return {
    documents: 0,
    placeholders: 0,
    blocks: 0,
    mapNodes: 0,
    mapEdges: 0,
    comments: 0,
    versions: 0,
    ambiguousClients: 0,
  };
}

/**
 * Replaces an organization's contributions to what OTHER organizations own by placeholders: text its
 * people typed in rich-text documents (found through doc_clients), its nodes and edges on case maps
 * (they carry their owner organization), its people's comments on documents and tasks, and the
 * excerpts of notifications quoting them. Documents, tasks and maps the organization owns are left
 * alone here. Idempotent: a second run finds nothing more to replace, so an interrupted run is
 * simply run again.
 */
@Injectable()
export class ContributionRemover {
  private readonly logger = new Logger('ContributionRemover');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: DocClients,
    private readonly edits: ScrubbingEdits,
    private readonly policy: AccessPolicy,
    private readonly live: LiveEvents,
  ) {}

  async replace(scope: ContributionScope): Promise<ContributionCounts> {
    const counts = emptyCounts();
    const userIds = await this.peopleOf(scope.organizationId);
    for (const doc of await this.candidateDocuments(scope, userIds)) {
      if (doc.kind === 'case-map') await this.replaceInMap(doc.id, scope, counts);
      else if ((RICH_TEXT_DOC_KINDS as readonly string[]).includes(doc.kind))
        await this.replaceInText(doc.id, scope, counts);
    }
    await this.replaceComments(scope, userIds, counts);
    return counts;
  }

  private async replaceInText(
    docId: string,
    scope: ContributionScope,
    counts: ContributionCounts,
  ): Promise<void> {
    await this.clients.recordStored(docId);
    const { exclusive, ambiguous } = await this.clients.ofOrganization(docId, scope.organizationId);
    counts.ambiguousClients += ambiguous;
    if (!exclusive.size) return;
    let first = true;
    const result = await this.edits.apply(docId, (doc) => {
      const c = replaceAuthoredText(
        doc.getXmlFragment(DEFAULT_FIELD),
        (client) => exclusive.has(client),
        scope.placeholder,
      );
      // The first call is the live document; stored versions are only counted as versions.
      if (first) {
        first = false;
        counts.placeholders += c.placeholders;
        counts.blocks += c.blocks;
      }
      return c.placeholders + c.blocks + c.inlineNodes > 0;
    });
    if (result.edited) counts.documents += 1;
    counts.versions += result.versions;
  }

  private async replaceInMap(
    docId: string,
    scope: ContributionScope,
    counts: ContributionCounts,
  ): Promise<void> {
    let first = true;
    const result = await this.edits.apply(docId, (doc) => {
      const c = replaceOrgMapItems(doc, scope.organizationId, scope.placeholder);
      if (first) {
        counts.mapNodes += c.nodes;
        counts.mapEdges += c.edges;
        first = false;
      }
      return c.nodes + c.edges > 0;
    });
    if (result.edited) counts.documents += 1;
    counts.versions += result.versions;
  }

  /** Comments on others' documents and tasks, the quotes of threads they opened, notification excerpts. */
  private async replaceComments(
    scope: ContributionScope,
    userIds: string[],
    counts: ContributionCounts,
  ): Promise<void> {
    const { organizationId: org, coalitionId, placeholder } = scope;
    const touched: Array<{ thread_id: string; document_id: string; coalition_id: string }> =
      await this.db
        .query(
          `UPDATE comments c SET body = $3, mentions = '[]'::jsonb
           FROM comment_threads t JOIN documents d ON d.id = t.document_id
          WHERE c.thread_id = t.id AND c.author_org_id = $1 AND d.owner_org_id <> $1
            AND ($2::uuid IS NULL OR d.coalition_id = $2) AND c.body <> $3
        RETURNING t.id AS thread_id, t.document_id, d.coalition_id`,
          [org, coalitionId, placeholder],
        )
        .then((r) => returningRows(r));
    const taskComments = await this.db
      .query(
        `UPDATE task_comments c SET body = $3, mentions = '[]'::jsonb
           FROM tasks t
          WHERE c.task_id = t.id AND c.author_org_id = $1
            AND t.created_by_org_id IS DISTINCT FROM $1
            AND ($2::uuid IS NULL OR t.coalition_id = $2) AND c.body <> $3
        RETURNING t.id AS task_id, t.coalition_id`,
        [org, coalitionId, placeholder],
      )
      .then((r) => returningRows<{ task_id: string; coalition_id: string }>(r));
    counts.comments += touched.length + taskComments.length;
    if (userIds.length) {
      await this.db.query(
        `UPDATE comment_threads t SET quote = '' FROM documents d
          WHERE d.id = t.document_id AND d.owner_org_id <> $1 AND t.created_by_user_id = ANY($3::uuid[])
            AND ($2::uuid IS NULL OR d.coalition_id = $2) AND t.quote <> ''`,
        [org, coalitionId, userIds],
      );
      await this.db.query(
        `UPDATE notifications SET excerpt = left($3, 200)
          WHERE actor_user_id = ANY($2::uuid[]) AND ($1::uuid IS NULL OR coalition_id = $1)
            AND excerpt <> '' AND excerpt <> left($3, 200)`,
        [coalitionId, userIds, placeholder],
      );
    }
    await this.announceThreads(touched);
    for (const { task_id, coalition_id } of unique(taskComments, (r) => r.task_id)) {
      this.live.entityChanged({
        coalitionId: coalition_id,
        type: 'task',
        id: task_id,
        action: 'updated',
      });
    }
  }

  private async announceThreads(
    rows: Array<{ thread_id: string; document_id: string; coalition_id: string }>,
  ): Promise<void> {
    for (const row of unique(rows, (r) => r.thread_id)) {
      try {
        const audience = await this.policy.documentAudience(row.document_id);
        if (!audience.size) continue;
        this.live.entityChanged({
          coalitionId: row.coalition_id,
          type: 'comment-thread',
          id: row.thread_id,
          parentId: row.document_id,
          action: 'updated',
          organizationIds: [...audience.keys()],
        });
      } catch (error) {
        this.logger.warn(`could not announce thread ${row.thread_id}: ${(error as Error).message}`);
      }
    }
  }

  private async peopleOf(organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      'SELECT id FROM users WHERE organization_id = $1',
      [organizationId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Documents of other organizations the organization may have written in: every case map (its
   * nodes carry their owner), and rich-text documents with a recorded client of its people or an
   * update row of theirs not yet compacted.
   */
  private async candidateDocuments(
    scope: ContributionScope,
    userIds: string[],
  ): Promise<Array<{ id: string; kind: string }>> {
    return this.db.query(
      `SELECT d.id, d.kind FROM documents d
        WHERE d.owner_org_id <> $1 AND ($2::uuid IS NULL OR d.coalition_id = $2)
          AND (d.kind = 'case-map'
               OR EXISTS (SELECT 1 FROM doc_clients c WHERE c.doc_id = d.id AND c.organization_id = $1)
               OR EXISTS (SELECT 1 FROM doc_updates u WHERE u.doc_id = d.id AND u.user_id = ANY($3::uuid[])))
        ORDER BY d.created_at`,
      [scope.organizationId, scope.coalitionId, userIds],
    );
  }
}

function unique<T>(rows: T[], key: (row: T) => string): T[] {
  const seen = new Map<string, T>();
  for (const row of rows) if (!seen.has(key(row))) seen.set(key(row), row);
  return [...seen.values()];
}
