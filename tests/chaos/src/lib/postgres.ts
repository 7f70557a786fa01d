/**
 * PostgreSQL side of the scenarios: the throwaway database (created and dropped here with `pg`),
 * the local cluster (restarted by restart-postgres), and an independent read of what is stored.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import pg from 'pg';
import * as Y from 'yjs';

const run = promisify(execFile);

export const ADMIN_URL =
  process.env.CHAOS_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined); // a restart of the cluster must not crash the harness
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A database created for one scenario run and dropped at the end (also after a failure). */
export class ThrowawayDb {
  private dropped = false;
  private constructor(readonly name: string) {}

  static async create(scenario: string): Promise<ThrowawayDb> {
    const name = `coalesce_chaos_${scenario.replace(/\W/g, '_')}_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await withClient(ADMIN_URL, (c) => c.query(`CREATE DATABASE ${name}`));
    return new ThrowawayDb(name);
  }

  get url(): string {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${this.name}`;
    return u.toString();
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return withClient(this.url, async (c) => (await c.query(sql, params)).rows as T[]);
  }

  async drop(): Promise<void> {
    if (this.dropped) return;
    this.dropped = true;
    // The cluster may be coming back from a restart: try for a while.
    for (let attempt = 0; ; attempt++) {
      try {
        await withClient(ADMIN_URL, (c) =>
          c.query(`DROP DATABASE IF EXISTS ${this.name} WITH (FORCE)`),
        );
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  /** What PostgreSQL holds for a document, read in one consistent snapshot. */
  async stored(docIds: string[], ackedIds: string[]): Promise<StoredDocs> {
    return withClient(this.url, async (c) => {
      await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const docs = new Map<string, StoredDoc>();
        for (const docId of docIds) {
          const snap = await c.query<{ state: Buffer; upto_seq: string }>(
            'SELECT state, upto_seq FROM doc_snapshots WHERE doc_id = $1',
            [docId],
          );
          const head = await c.query<{ head_seq: string }>(
            'SELECT head_seq FROM doc_heads WHERE doc_id = $1',
            [docId],
          );
          const rows = await c.query<{ seq: string; update: Buffer }>(
            'SELECT seq, update FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
            [docId],
          );
          const uptoSeq = Number(snap.rows[0]?.upto_seq ?? 0);
          const headSeq = Number(head.rows[0]?.head_seq ?? -1);
          const logSeqs = rows.rows.map((r) => Number(r.seq));
          const problems: string[] = [];
          if (!snap.rows.length) problems.push('no snapshot row');
          if (!head.rows.length) problems.push('no head row');
          // The log after the snapshot must be dense: upto+1 .. head.
          let expected = uptoSeq + 1;
          for (const s of logSeqs) {
            if (s <= uptoSeq) problems.push(`update seq ${s} <= snapshot upto_seq ${uptoSeq}`);
            else if (s !== expected) problems.push(`seq gap: expected ${expected}, found ${s}`);
            expected = Math.max(expected, s + 1);
          }
          if (expected - 1 !== headSeq)
            problems.push(`head_seq ${headSeq} but the log ends at ${expected - 1}`);
          const parts = [
            new Uint8Array(snap.rows[0]?.state ?? Y.encodeStateAsUpdate(new Y.Doc())),
            ...rows.rows.map((r) => new Uint8Array(r.update)),
          ];
          docs.set(docId, {
            docId,
            state: Y.mergeUpdates(parts),
            uptoSeq,
            headSeq,
            logRows: logSeqs.length,
            problems,
          });
        }
        const found = await c.query<{ update_id: string; doc_id: string; seq: string }>(
          'SELECT update_id, doc_id, seq FROM doc_updates WHERE update_id = ANY($1::varchar[])',
          [ackedIds],
        );
        const byUpdateId = new Map(
          found.rows.map((r) => [r.update_id, { docId: r.doc_id, seq: Number(r.seq) }]),
        );
        return { docs, byUpdateId };
      } finally {
        await c.query('ROLLBACK').catch(() => undefined);
      }
    });
  }
}

export interface StoredDoc {
  docId: string;
  /** Snapshot merged with every update after it. */
  state: Uint8Array;
  uptoSeq: number;
  headSeq: number;
  logRows: number;
  /** Integrity problems of the log (seq gaps, head mismatch). */
  problems: string[];
}

export interface StoredDocs {
  docs: Map<string, StoredDoc>;
  /** Acked updateIds still present as rows of doc_updates (not folded by compaction). */
  byUpdateId: Map<string, { docId: string; seq: number }>;
}

/** The local cluster listening on 5432 (Debian/Ubuntu pg_ctlcluster layout). */
export class LocalCluster {
  private constructor(
    readonly version: string,
    readonly name: string,
  ) {}

  static detect(): LocalCluster {
    const version =
      process.env.CHAOS_PG_VERSION ??
      readdirSync('/etc/postgresql')
        .filter((v) => /^\d+$/.test(v))
        .sort((a, b) => Number(b) - Number(a))[0];
    if (!version) throw new Error('no PostgreSQL cluster under /etc/postgresql');
    return new LocalCluster(version, process.env.CHAOS_PG_CLUSTER ?? 'main');
  }

  private ctl(action: string, ...extra: string[]) {
    return run(
      'pg_ctlcluster',
      ['--skip-systemctl-redirect', this.version, this.name, action, ...extra],
      { timeout: 60_000 },
    );
  }

  async isOnline(): Promise<boolean> {
    try {
      await this.ctl('status');
      return true;
    } catch {
      return false;
    }
  }

  /** `pg_ctlcluster <v> main restart -m fast`: every backend is terminated, then the cluster starts again. */
  async restart(): Promise<void> {
    await this.ctl('restart', '-m', 'fast');
  }

  async stop(): Promise<void> {
    await this.ctl('stop', '-m', 'fast');
  }

  async start(): Promise<void> {
    await this.ctl('start');
  }

  /** Accepts connections again (after a restart). */
  async waitReady(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    for (;;) {
      try {
        await withClient(ADMIN_URL, (c) => c.query('SELECT 1'));
        return true;
      } catch {
        if (Date.now() > deadline) return false;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }
}
