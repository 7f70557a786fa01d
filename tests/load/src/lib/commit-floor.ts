/**
 * The floor under Coalesce's S1 latency: one durable commit (an INSERT in autocommit, so a WAL
 * flush) from a Node client to the same PostgreSQL, paced like the S1 configuration's updates, on
 * the otherwise quiet machine. Coalesce acknowledges and broadcasts an update only after such a
 * commit, so its fan-out latency cannot be lower than this plus the delivery the reference servers
 * do alone.
 */
import pg from 'pg';
import { sleep } from './clock.js';
import { summarize, type Summary } from './stats.js';

const TABLE = 'bench_commit_floor';
const PAYLOAD = Buffer.alloc(60, 7);

export async function measureCommitFloor(
  dbUrl: string,
  ratePerSecond: number,
  durationMs: number,
): Promise<Summary> {
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${TABLE} (id bigserial PRIMARY KEY, payload bytea NOT NULL)`,
    );
    const insert = { name: 'commit-floor', text: `INSERT INTO ${TABLE} (payload) VALUES ($1)` };
    const gapMs = 1000 / ratePerSecond;
    const samples: number[] = [];
    const end = performance.now() + durationMs;
    let next = performance.now();
    while (performance.now() < end) {
      const t0 = performance.now();
      await client.query({ ...insert, values: [PAYLOAD] });
      samples.push(performance.now() - t0);
      next += gapMs;
      const wait = next - performance.now();
      if (wait > 0) await sleep(wait);
      else next = performance.now();
    }
    // The first few carry the statement's preparation.
    return summarize(samples.slice(5));
  } finally {
    await client.query(`DROP TABLE IF EXISTS ${TABLE}`).catch(() => undefined);
    await client.end().catch(() => undefined);
  }
}
