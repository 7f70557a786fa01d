import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { ContributionCounts } from '@coalesce/protocol';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import { returningRows } from '../../core/database/returning-rows.js';
import { ContributionRemover } from './contribution-remover.js';

/** A run that has not finished after this long is taken to have died with its process. */
const LEASE = '10 minutes';
/** After this many failed runs a replacement is left for an operator (its error is stored). */
const MAX_ATTEMPTS = 5;

/** The placeholder written where an organization that left a coalition had contributed. */
export function leftCoalitionPlaceholder(organizationName: string): string {
  return `[removed: ${organizationName} left the coalition]`;
}

interface Claimed {
  organization_id: string;
  coalition_id: string;
  placeholder: string;
  requested_by_user_id: string | null;
}

/**
 * Replacements of an organization's contributions, queued in `contribution_removals` in the same
 * transaction as the organization's departure, run at once, and run again by the periodic job when
 * a process died in the middle (the replacement is idempotent).
 */
@Injectable()
export class ContributionRemovals {
  private readonly logger = new Logger('ContributionRemovals');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly remover: ContributionRemover,
    private readonly audit: AuditLogService,
  ) {}

  /** Queues a replacement inside the caller's transaction; returns its id. */
  async enqueue(
    m: EntityManager,
    input: {
      organizationId: string;
      coalitionId: string;
      placeholder: string;
      requestedBy: string;
    },
  ): Promise<string> {
    const rows: Array<{ id: string }> = await m.query(
      `INSERT INTO contribution_removals (organization_id, coalition_id, placeholder, requested_by_user_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [input.organizationId, input.coalitionId, input.placeholder, input.requestedBy],
    );
    return rows[0].id;
  }

  /** Runs one queued replacement now; null when another run holds it or it is done. */
  async run(id: string): Promise<ContributionCounts | null> {
    const claimed = returningRows<Claimed>(
      await this.db.query(
        `UPDATE contribution_removals SET started_at = now(), attempts = attempts + 1
          WHERE id = $1 AND completed_at IS NULL AND attempts < $2
            AND (started_at IS NULL OR started_at < now() - $3::interval)
        RETURNING organization_id, coalition_id, placeholder, requested_by_user_id`,
        [id, MAX_ATTEMPTS, LEASE],
      ),
    )[0];
    if (!claimed) return null;
    try {
      const counts = await this.remover.replace({
        organizationId: claimed.organization_id,
        coalitionId: claimed.coalition_id,
        placeholder: claimed.placeholder,
      });
      await this.db.transaction(async (m) => {
        await m.query(
          `UPDATE contribution_removals SET completed_at = now(), result = $2, error = NULL WHERE id = $1`,
          [id, JSON.stringify(counts)],
        );
        await this.audit.record(
          {
            action: 'coalition.contributions-replaced',
            actor: claimed.requested_by_user_id
              ? { userId: claimed.requested_by_user_id, organizationId: claimed.organization_id }
              : null,
            coalitionId: claimed.coalition_id,
            organizationId: claimed.organization_id,
            target: { type: 'organization', id: claimed.organization_id },
            details: { ...counts },
          },
          m,
        );
      });
      return counts;
    } catch (error) {
      this.logger.error({ err: error }, `contribution replacement ${id} failed`);
      await this.db.query(
        'UPDATE contribution_removals SET started_at = NULL, error = $2 WHERE id = $1',
        [id, (error as Error).message.slice(0, 2000)],
      );
      throw error;
    }
  }

  /** Runs every unfinished replacement whose last run is over (the periodic job); returns how many ran. */
  async resumePending(): Promise<number> {
    const due: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM contribution_removals
        WHERE completed_at IS NULL AND attempts < $1
          AND (started_at IS NULL OR started_at < now() - $2::interval)
        ORDER BY created_at LIMIT 10`,
      [MAX_ATTEMPTS, LEASE],
    );
    let ran = 0;
    for (const { id } of due) {
      try {
        if (await this.run(id)) ran += 1;
      } catch {
        // Logged and stored by run(); the next pass tries again.
      }
    }
    return ran;
  }
}
