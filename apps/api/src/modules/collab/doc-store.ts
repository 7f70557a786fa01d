import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Pool } from 'pg';
import * as Y from 'yjs';
import { DatabaseServer } from '../../core/database/database.module.js';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { CollabMetrics } from './collab-metrics.js';
import { DocStateCache, advanceStateVector } from './doc-state-cache.js';
import { mergeLog } from './merge-updates.js';
import { MergeThread } from './merge-thread.js';

export interface DocState {
  /** The whole document as one Yjs update. */
  state: Uint8Array;
  /** Head sequence number this state includes. */
  seq: number;
  /** Clock per client of `state` (its Yjs state vector). Do not modify. */
  stateVector: Map<number, number>;
}

export interface NewUpdate {
  docId: string;
  update: Uint8Array;
  updateId: string;
  userId: string | null;
  /** Socket that sent it (not stored): a broadcast of this update alone skips that socket. */
  origin?: string | null;
}

export interface StoredUpdate {
  updateId: string;
  docId: string;
  seq: number;
  /** True when this updateId was already stored (a resend): nothing was written. */
  duplicate: boolean;
}

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/** A pipelined batch found that the batch it builds on did not commit (it stored nothing). */
export class PredecessorNotCommitted extends Error {
  constructor() {
    super('The group commit this one builds on did not commit.');
  }
}

const APPEND_SQL =
  'SELECT * FROM collab_append($1::uuid[], $2::bytea, $3::integer[], $4::varchar[], $5::uuid[], $6::bigint, $7::uuid[], $8::bigint[], $9::uuid[], $10::varchar[])';

/** For one document of a pipelined batch: the in-flight batch it builds on and that one's update ids. */
export interface BuildsOn {
  batch: bigint;
  updateIds: string[];
}

function isPredecessorNotCommitted(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } } | null;
  return e?.code === 'CB001' || e?.driverError?.code === 'CB001';
}

/**
 * Storage of co-edited documents in PostgreSQL: snapshot + update log, read in one statement so a
 * concurrent compaction can never hide updates. No document lives in memory beyond the bounded cache.
 */
@Injectable()
export class DocStore {
  readonly cache: DocStateCache;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly server: DatabaseServer,
    @Inject(COLLAB_CONFIG) config: CollabConfig,
    metrics: CollabMetrics,
    merger: MergeThread,
  ) {
    this.cache = new DocStateCache(config.cacheBytes, (state, updates) =>
      merger.merge(state, updates).then((merged) => merged.state),
    );
    metrics.readFrom({ cache: this.cache });
  }

  /** Creates the storage rows of a new document (inside the creating transaction). */
  async create(
    manager: EntityManager,
    docId: string,
    initialState: Uint8Array = EMPTY_STATE,
  ): Promise<void> {
    await manager.query('INSERT INTO doc_heads (doc_id) VALUES ($1)', [docId]);
    await manager.query(
      'INSERT INTO doc_snapshots (doc_id, state, upto_seq, state_vector) VALUES ($1, $2, 0, $3)',
      [docId, Buffer.from(initialState), Buffer.from(Y.encodeStateVectorFromUpdate(initialState))],
    );
  }

  /**
   * The current state: cached state refreshed with whatever was committed since (by any node). The
   * state vector comes from the snapshot row (written with it) moved past the later updates, so a
   * cold load does not decode the whole document for it.
   */
  async load(docId: string): Promise<DocState> {
    const cached = this.cache.get(docId);
    const since = cached?.seq ?? -1;
    const rows: Array<{ kind: number; seq: string; data: Buffer; sv: Buffer | null }> =
      await this.db.query(
        `WITH s AS (SELECT state, upto_seq, state_vector FROM doc_snapshots WHERE doc_id = $1)
         SELECT 0 AS kind, s.upto_seq AS seq, s.state AS data, s.state_vector AS sv
           FROM s WHERE s.upto_seq > $2
         UNION ALL
         SELECT 1 AS kind, u.seq, u.update AS data, NULL AS sv FROM doc_updates u
          WHERE u.doc_id = $1 AND u.seq > GREATEST($2, COALESCE((SELECT upto_seq FROM s), 0))
         ORDER BY kind, seq`,
        [docId, since],
      );
    if (cached && rows.length === 0) {
      return { state: cached.state, seq: cached.seq, stateVector: this.svOf(docId, cached.state) };
    }
    let base = cached?.state ?? EMPTY_STATE;
    let sv: Map<number, number> | null = cached ? new Map(this.svOf(docId, base)) : new Map();
    let seq = Math.max(since, 0);
    const updates: Uint8Array[] = [];
    for (const row of rows) {
      if (row.kind === 0) {
        base = new Uint8Array(row.data);
        sv = row.sv ? Y.decodeStateVector(new Uint8Array(row.sv)) : null;
        seq = Number(row.seq);
      } else {
        updates.push(new Uint8Array(row.data));
        seq = Number(row.seq);
      }
    }
    if (!cached && rows.length === 0) {
      const exists = await this.db.query('SELECT 1 FROM doc_snapshots WHERE doc_id = $1', [docId]);
      if (!exists.length) return { state: EMPTY_STATE, seq: 0, stateVector: new Map() };
    }
    const state = mergeLog(base, updates);
    // Stored updates continue the state (the admission guarantees it); if one ever does not, the
    // state vector is computed from the merged state instead.
    if (sv && !updates.every((update) => advanceStateVector(sv!, update))) sv = null;
    sv ??= Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
    this.cache.set(docId, state, seq, sv);
    return { state, seq, stateVector: sv };
  }

  /**
   * The current state read from PostgreSQL, leaving the cache alone unless the document is in it
   * already: bulk readers (an organization's export) must not push the documents people are
   * editing out of the cache.
   */
  async read(docId: string): Promise<{ state: Uint8Array; seq: number }> {
    if (this.cache.get(docId)) return this.load(docId);
    const rows: Array<{ kind: number; seq: string; data: Buffer }> = await this.db.query(
      `WITH s AS (SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1)
       SELECT 0 AS kind, s.upto_seq AS seq, s.state AS data FROM s
       UNION ALL
       SELECT 1 AS kind, u.seq, u.update AS data FROM doc_updates u
        WHERE u.doc_id = $1 AND u.seq > COALESCE((SELECT upto_seq FROM s), 0)
       ORDER BY kind, seq`,
      [docId],
    );
    let base = EMPTY_STATE;
    let seq = 0;
    const updates: Uint8Array[] = [];
    for (const row of rows) {
      if (row.kind === 0) base = new Uint8Array(row.data);
      else updates.push(new Uint8Array(row.data));
      seq = Number(row.seq);
    }
    return { state: mergeLog(base, updates), seq };
  }

  /** The cached state vector of `docId`, or the one computed from `state`. */
  private svOf(docId: string, state: Uint8Array): Map<number, number> {
    return (
      this.cache.stateVector(docId) ?? Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state))
    );
  }

  /** Forgets this node's cached view of the document and re-reads it from PostgreSQL. */
  async refresh(docId: string): Promise<void> {
    this.cache.delete(docId);
    await this.load(docId);
  }

  /** Clock per client of everything committed for the document. */
  async stateVector(docId: string): Promise<Map<number, number>> {
    let sv = this.cache.stateVector(docId);
    if (!sv) {
      await this.load(docId);
      sv = this.cache.stateVector(docId);
    }
    return sv ?? (await this.load(docId)).stateVector;
  }

  /**
   * A statement of the update path, straight on TypeORM's pg pool as a named prepared statement
   * (parsed and planned once per connection); TypeORM's query runner per call costs more than the
   * statement itself for a one-update batch. Not on the embedded database: its connections share
   * one session, where a statement name prepared by one is taken for the next.
   */
  private async hotQuery<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    const pool = (this.db.driver as unknown as { master?: Pool }).master;
    if (!pool || this.server.isEmbedded) return this.db.query(text, values);
    return (await pool.query({ name, text, values })).rows as T[];
  }

  /**
   * Writes a batch of updates (several documents possible) as ONE statement, so it is one round
   * trip and one implicit transaction: `collab_append()` (a migration; the updates packed into one
   * binary parameter with their lengths) recognizes resent update ids, takes consecutive seqs from
   * each document's head row (updated once per batch, locked in one order), and inserts the rows.
   * `batch`: this batch's id, recorded on the head rows it writes; `after`: per document, the batch
   * this one builds on (still being committed when this one was sent). Unless that one wrote the
   * document last or all its updates are stored (it committed, another node wrote since), nothing is
   * stored and the call fails with `PredecessorNotCommitted`.
   */
  async append(
    updates: NewUpdate[],
    batch: bigint = 0n,
    after: ReadonlyMap<string, BuildsOn> = new Map(),
  ): Promise<StoredUpdate[]> {
    let rows: Array<{
      out_update_id: string;
      out_doc_id: string;
      out_seq: string;
      out_duplicate: boolean;
    }>;
    try {
      rows = await this.hotQuery('collab-append', APPEND_SQL, [
        updates.map((u) => u.docId),
        // One binary parameter (a bytea[] would travel hex-encoded as text).
        Buffer.concat(updates.map((u) => u.update)),
        updates.map((u) => u.update.byteLength),
        updates.map((u) => u.updateId),
        updates.map((u) => u.userId),
        batch.toString(),
        [...after.keys()],
        [...after.values()].map((b) => b.batch.toString()),
        [...after].flatMap(([docId, b]) => b.updateIds.map(() => docId)),
        [...after.values()].flatMap((b) => b.updateIds),
      ]);
    } catch (error) {
      if (isPredecessorNotCommitted(error)) throw new PredecessorNotCommitted();
      throw error;
    }
    return rows.map((row) => ({
      updateId: row.out_update_id,
      docId: row.out_doc_id,
      seq: Number(row.out_seq),
      duplicate: row.out_duplicate,
    }));
  }
}
