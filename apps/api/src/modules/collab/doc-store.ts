import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { DocStateCache } from './doc-state-cache.js';

export interface DocState {
  /** The whole document as one Yjs update. */
  state: Uint8Array;
  /** Head sequence number this state includes. */
  seq: number;
}

export interface NewUpdate {
  docId: string;
  update: Uint8Array;
  updateId: string;
  userId: string | null;
}

export interface StoredUpdate {
  updateId: string;
  docId: string;
  seq: number;
  /** True when this updateId was already stored (a resend): nothing was written. */
  duplicate: boolean;
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Storage of co-edited documents in PostgreSQL: snapshot + update log, read in one statement so a
 * concurrent compaction can never hide updates. No document lives in memory beyond the bounded cache.
 */
@Injectable()
export class DocStore {
  readonly cache: DocStateCache;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(COLLAB_CONFIG) config: CollabConfig,
  ) {
    this.cache = new DocStateCache(config.cacheBytes);
  }

  /** Creates the storage rows of a new document (inside the creating transaction). */
  async create(
    manager: EntityManager,
    docId: string,
    initialState: Uint8Array = EMPTY_STATE,
  ): Promise<void> {
    await manager.query('INSERT INTO doc_heads (doc_id) VALUES ($1)', [docId]);
    await manager.query('INSERT INTO doc_snapshots (doc_id, state, upto_seq) VALUES ($1, $2, 0)', [
      docId,
      Buffer.from(initialState),
    ]);
  }

  /** The current state: cached state refreshed with whatever was committed since (by any node). */
  async load(docId: string): Promise<DocState> {
    const cached = this.cache.get(docId);
    const since = cached?.seq ?? -1;
    const rows: Array<{ kind: number; seq: string; data: Buffer }> = await this.db.query(
      `WITH s AS (SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1)
       SELECT 0 AS kind, s.upto_seq AS seq, s.state AS data FROM s WHERE s.upto_seq > $2
       UNION ALL
       SELECT 1 AS kind, u.seq, u.update AS data FROM doc_updates u
        WHERE u.doc_id = $1 AND u.seq > GREATEST($2, COALESCE((SELECT upto_seq FROM s), 0))
       ORDER BY kind, seq`,
      [docId, since],
    );
    let base = cached?.state ?? EMPTY_STATE;
    let seq = Math.max(since, 0);
    const updates: Uint8Array[] = [];
    for (const row of rows) {
      if (row.kind === 0) {
        base = new Uint8Array(row.data);
        seq = Number(row.seq);
      } else {
        updates.push(new Uint8Array(row.data));
        seq = Number(row.seq);
      }
    }
    if (!cached && rows.length === 0) {
      const exists = await this.db.query('SELECT 1 FROM doc_snapshots WHERE doc_id = $1', [docId]);
      if (!exists.length) return { state: EMPTY_STATE, seq: 0 };
    }
    const state = updates.length ? Y.mergeUpdates([base, ...updates]) : base;
    if (rows.length || !cached) this.cache.set(docId, state, seq);
    return { state, seq };
  }

  /** Re-reads what other nodes committed since this node's cached state. */
  async refresh(docId: string): Promise<void> {
    await this.load(docId);
  }

  /** Clock per client of everything committed for the document. */
  async stateVector(docId: string): Promise<Map<number, number>> {
    let sv = this.cache.stateVector(docId);
    if (!sv) {
      await this.load(docId);
      sv = this.cache.stateVector(docId);
    }
    return sv ?? Y.decodeStateVector(Y.encodeStateVectorFromUpdate((await this.load(docId)).state));
  }

  /**
   * Writes a batch of updates (several documents possible) in the caller's transaction: resends are
   * recognized by updateId, each document's head row hands out consecutive seqs.
   */
  async append(m: EntityManager, batch: NewUpdate[]): Promise<StoredUpdate[]> {
    const ids = batch.map((u) => u.updateId);
    const existing: Array<{ update_id: string; doc_id: string; seq: string }> = await m.query(
      'SELECT update_id, doc_id, seq FROM doc_updates WHERE update_id = ANY($1::varchar[])',
      [ids],
    );
    const known = new Map(
      existing.map((r) => [r.update_id, { docId: r.doc_id, seq: Number(r.seq) }]),
    );
    const results = new Map<string, StoredUpdate>();
    const fresh = new Map<string, NewUpdate[]>();
    for (const u of batch) {
      const prior = known.get(u.updateId);
      if (prior) {
        results.set(u.updateId, {
          updateId: u.updateId,
          docId: prior.docId,
          seq: prior.seq,
          duplicate: true,
        });
      } else if (
        !results.has(u.updateId) &&
        !(fresh.get(u.docId) ?? []).some((x) => x.updateId === u.updateId)
      ) {
        fresh.set(u.docId, [...(fresh.get(u.docId) ?? []), u]);
      }
    }
    const docIds: string[] = [];
    const seqs: number[] = [];
    const payloads: Buffer[] = [];
    const updateIds: string[] = [];
    const userIds: Array<string | null> = [];
    for (const [docId, updates] of [...fresh].sort(([a], [b]) => a.localeCompare(b))) {
      const bytes = updates.reduce((n, u) => n + u.update.byteLength, 0);
      const result: [Array<{ head_seq: string }>, number] = await m.query(
        `UPDATE doc_heads SET head_seq = head_seq + $2, pending_count = pending_count + $2,
                pending_bytes = pending_bytes + $3, updated_at = now()
          WHERE doc_id = $1 RETURNING head_seq`,
        [docId, updates.length, bytes],
      );
      // TypeORM answers an UPDATE ... RETURNING on PostgreSQL with [rows, affected].
      const head = result[0];
      if (!head.length) throw new Error(`Document ${docId} has no storage row`);
      let seq = Number(head[0].head_seq) - updates.length;
      for (const u of updates) {
        seq += 1;
        docIds.push(docId);
        seqs.push(seq);
        payloads.push(Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength));
        updateIds.push(u.updateId);
        userIds.push(u.userId);
        results.set(u.updateId, { updateId: u.updateId, docId, seq, duplicate: false });
      }
    }
    if (docIds.length) {
      await m.query(
        `INSERT INTO doc_updates (doc_id, seq, update, update_id, user_id)
         SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bytea[], $4::varchar[], $5::uuid[])`,
        [docIds, seqs, payloads, updateIds, userIds],
      );
    }
    return batch.map((u) => results.get(u.updateId)!);
  }
}
