import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';

/**
 * Update ids of the edits the server makes itself (a version restore re-inserts what anyone wrote;
 * placeholders are written for nobody): their Yjs clients are never attributed to a person.
 */
export const SERVER_UPDATE_PREFIXES = ['restore-', 'placeholders-'] as const;

export function isServerUpdate(updateId: string): boolean {
  return SERVER_UPDATE_PREFIXES.some((prefix) => updateId.startsWith(prefix));
}

/** A stored update row, as far as attribution needs it. */
export interface AuthoredUpdateRow {
  update: Uint8Array;
  user_id: string | null;
  update_id: string;
}

/** The Yjs client ids whose content an update carries (not the ones it only deletes from). */
export function clientsOfUpdate(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).from.keys()];
  } catch {
    // Stored updates were validated on the way in; a row that does not decode attributes nothing.
    return [];
  }
}

const PAGE = 500;

/**
 * Who wrote what in a co-edited document: each Yjs client id with the user (and organization) that
 * sent updates under it, in `doc_clients`. Filled from update rows before compaction deletes them,
 * and from the rows still stored when an organization's contributions are looked for.
 */
@Injectable()
export class DocClients {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records the authors of these update rows (pass the transaction's manager inside one). */
  async record(
    runner: EntityManager | DataSource,
    docId: string,
    rows: readonly AuthoredUpdateRow[],
  ): Promise<void> {
    const pairs = new Map<string, [number, string]>();
    for (const row of rows) {
      if (!row.user_id || isServerUpdate(row.update_id)) continue;
      for (const client of clientsOfUpdate(row.update))
        pairs.set(`${client}:${row.user_id}`, [client, row.user_id]);
    }
    if (!pairs.size) return;
    const list = [...pairs.values()];
    await runner.query(
      `INSERT INTO doc_clients (doc_id, client_id, user_id, organization_id)
       SELECT $1, x.client_id, u.id, u.organization_id
         FROM unnest($2::bigint[], $3::uuid[]) AS x(client_id, user_id)
         JOIN users u ON u.id = x.user_id
       ON CONFLICT DO NOTHING`,
      [docId, list.map(([client]) => client), list.map(([, user]) => user)],
    );
  }

  /** Records the authors of every update row of the document still stored (in pages). */
  async recordStored(docId: string): Promise<void> {
    let after = -1;
    for (;;) {
      const rows: Array<{
        seq: string;
        update: Buffer;
        user_id: string | null;
        update_id: string;
      }> = await this.db.query(
        `SELECT seq, update, user_id, update_id FROM doc_updates
            WHERE doc_id = $1 AND seq > $2 AND user_id IS NOT NULL ORDER BY seq LIMIT $3`,
        [docId, after, PAGE],
      );
      if (!rows.length) return;
      await this.record(
        this.db,
        docId,
        rows.map((r) => ({ ...r, update: new Uint8Array(r.update) })),
      );
      after = Number(rows[rows.length - 1].seq);
      if (rows.length < PAGE) return;
    }
  }

  /**
   * The client ids of the document written only by the organization's people, and how many were
   * also used by someone of another organization (their content is left alone: it cannot be told
   * apart).
   */
  async ofOrganization(
    docId: string,
    organizationId: string,
  ): Promise<{ exclusive: Set<number>; ambiguous: number }> {
    const rows: Array<{ client_id: string; exclusive: boolean }> = await this.db.query(
      `SELECT client_id, bool_and(organization_id = $2) AS exclusive FROM doc_clients
        WHERE doc_id = $1 GROUP BY client_id HAVING bool_or(organization_id = $2)`,
      [docId, organizationId],
    );
    const exclusive = new Set<number>();
    let ambiguous = 0;
    for (const row of rows) {
      if (row.exclusive) exclusive.add(Number(row.client_id));
      else ambiguous += 1;
    }
    return { exclusive, ambiguous };
  }
}
