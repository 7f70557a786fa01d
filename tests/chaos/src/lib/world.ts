/**
 * Everything one scenario run needs: a throwaway database, API nodes, demo sessions, documents,
 * typists; the shared end-of-run verification; and a cleanup that always runs (normal end,
 * failure, time limit, Ctrl-C).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ApiNode, DEMO_USERS, createDocs, login, type Session } from './api-node.js';
import { ThrowawayDb, type StoredDocs } from './postgres.js';
import { Report } from './report.js';
import { Ledger, Typist } from './typist.js';
import {
  checkAcked,
  checkContained,
  docFromState,
  fingerprint,
  samePrint,
  type Fingerprint,
} from './verify.js';
import { LOGS_DIR, freePort, log, sleep, waitUntil } from './util.js';

export const REDIS_URL = process.env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TypistSpec {
  doc: number;
  node: number;
  email: string;
}

export class World {
  readonly ledger = new Ledger();
  readonly nodes: ApiNode[] = [];
  readonly sessions = new Map<string, Session>();
  readonly typists: Typist[] = [];
  docs: string[] = [];
  db: ThrowawayDb | null = null;
  readonly logDir: string;
  private readonly jwtSecret = randomBytes(32).toString('hex');
  private readonly cleanups: Array<() => Promise<void>> = [];
  private disposed = false;
  private seed: number;

  constructor(
    readonly scenario: string,
    readonly report: Report,
    seed: number,
  ) {
    this.seed = seed;
    this.logDir = join(LOGS_DIR, `${scenario}-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    mkdirSync(this.logDir, { recursive: true });
  }

  /** Runs at dispose, before the nodes are stopped and the database dropped (last added first). */
  onCleanup(fn: () => Promise<void>): void {
    this.cleanups.push(fn);
  }

  async createDb(): Promise<ThrowawayDb> {
    this.db = await ThrowawayDb.create(this.scenario);
    log(`database ${this.db.name} created`);
    return this.db;
  }

  async startNodes(count: number, opts: { redis?: boolean; env?: Record<string, string> } = {}) {
    if (!this.db) await this.createDb();
    for (let i = 0; i < count; i++) {
      const name = count === 1 ? 'api' : `api-${String.fromCharCode(65 + i)}`;
      const node = new ApiNode({
        name,
        port: await freePort(),
        databaseUrl: this.db!.url,
        jwtSecret: this.jwtSecret,
        redisUrl: opts.redis ? REDIS_URL : undefined,
        logFile: join(this.logDir, `${name}.log`),
        env: opts.env,
      });
      this.nodes.push(node);
      const started = Date.now();
      // Two nodes on a fresh database would race on migrations and the demo seed: one at a time.
      const pid = await node.start();
      log(`${name} up: pid ${pid}, port ${node.port} (${Date.now() - started} ms)`);
    }
  }

  /** Logs in each demo user once (on node 0) and creates `n` documents as the first user. */
  async setup(docCount: number, users: readonly string[] = DEMO_USERS): Promise<void> {
    const base = this.nodes[0].url;
    for (const email of users) this.sessions.set(email, await login(base, email));
    this.docs = await createDocs(base, this.sessions.get(users[0])!, docCount);
    log(`${users.length} users logged in, ${docCount} documents created`);
  }

  get coalitionId(): string {
    return [...this.sessions.values()][0].coalitionId;
  }

  addTypists(specs: TypistSpec[], opts: { resyncIntervalMs?: number } = {}): Typist[] {
    for (const spec of specs) {
      const session = this.sessions.get(spec.email)!;
      const node = this.nodes[spec.node];
      this.typists.push(
        new Typist({
          index: this.typists.length,
          url: node.url,
          nodeName: node.name,
          token: session.token,
          userEmail: spec.email,
          docId: this.docs[spec.doc],
          ledger: this.ledger,
          seed: this.seed * 1000 + this.typists.length,
          resyncIntervalMs: opts.resyncIntervalMs,
        }),
      );
    }
    return this.typists;
  }

  /** Every handle opened and with an empty outbox. */
  allSynced(): boolean {
    return this.typists.every((t) => t.handle.status === 'synced' && t.handle.pendingUpdates === 0);
  }

  async waitAllSynced(ms: number, what: string): Promise<void> {
    if (!(await waitUntil(() => this.allSynced(), ms, 50))) {
      const stuck = this.typists
        .filter((t) => t.handle.status !== 'synced' || t.handle.pendingUpdates > 0)
        .map((t) => `#${t.index}:${t.handle.status}/${t.handle.pendingUpdates} pending`);
      throw new Error(`${what}: not synced after ${ms} ms: ${stuck.join(', ')}`);
    }
  }

  startTyping(perSecond: number): void {
    for (const t of this.typists) t.startTyping(perSecond);
  }

  stopTyping(): void {
    for (const t of this.typists) t.stopTyping();
  }

  /**
   * Common end of every scenario: typing has stopped; waits until every outbox is empty, reads
   * PostgreSQL, checks every ack against it and waits for every replica (and a fresh reader) to
   * equal the stored state.
   */
  async verify(opts: { drainMs?: number; convergeMs?: number } = {}): Promise<StoredDocs | null> {
    const report = this.report;
    const drainStarted = Date.now();
    // A handle in `error` stays there (an update refused for good): no point waiting for it.
    const settled = () =>
      this.typists.every(
        (t) =>
          t.handle.status === 'error' ||
          (t.handle.status === 'synced' && t.handle.pendingUpdates === 0),
      );
    await waitUntil(settled, opts.drainMs ?? 60_000, 50);
    const drained = this.allSynced();
    report.check(
      'every client drained its outbox (status synced, 0 pending)',
      drained,
      drained
        ? `in ${Date.now() - drainStarted} ms`
        : this.typists
            .filter((t) => t.handle.status !== 'synced' || t.handle.pendingUpdates > 0)
            .map((t) => `#${t.index} ${t.handle.status} ${t.handle.pendingUpdates} pending`)
            .join('; '),
    );
    // Anything in flight at the end has been acked: the database is final now.
    const stored = await this.db!.stored(this.docs, [...this.ledger.acks.keys()]);

    // (a) every acknowledged update is stored
    const acks = checkAcked(this.ledger, stored);
    const edits = this.typists.reduce((n, t) => n + t.edits, 0);
    const sum = (f: (t: Typist) => number) => this.typists.reduce((n, t) => n + f(t), 0);
    report.figure('local edits (Yjs transactions)', edits);
    report.figure(
      'doc:update sent (incl. resends)',
      sum((t) => t.handle.stats.sent),
    );
    report.figure(
      '  of which resends',
      sum((t) => t.handle.stats.resent),
    );
    report.figure(
      '  edits merged before sending',
      sum((t) => t.handle.stats.merged),
    );
    report.figure('acked (distinct updateIds)', acks.acked);
    report.figure('error acks', this.ledger.errorSummary());
    report.figure('acks never received (timeout/disconnect)', this.ledger.lostAcks);
    report.figure('stored: row found by update_id', acks.storedById);
    report.figure('stored: folded/trimmed, content present', acks.storedByContent);
    report.figure('LOST (acked, not in PostgreSQL)', acks.lost.length);
    report.figure(
      'dropped by clients (permanent error)',
      sum((t) => t.handle.stats.dropped),
    );
    report.check(
      'every acked update is in PostgreSQL (lost = 0)',
      acks.acked > 0 && acks.lost.length === 0,
      `${acks.acked} acked, ${acks.storedById} by update_id + ${acks.storedByContent} by content, ${acks.lost.length} lost` +
        (acks.lost.length
          ? ` (first: ${acks.lost
              .slice(0, 3)
              .map((a) => `${a.updateId} seq ${a.seq} phase ${a.phase} client #${a.client}`)
              .join('; ')})`
          : ''),
    );
    report.check(
      'no ack carries a seq beyond the head of the log',
      acks.beyondHead.length === 0,
      acks.beyondHead.length ? `${acks.beyondHead.length} acks` : '',
    );
    const problems = [...stored.docs.values()].flatMap((d) =>
      d.problems.map((p) => `${d.docId.slice(0, 8)}: ${p}`),
    );
    report.check(
      'stored log is dense (seq upto+1..head, no gap) and integrates without pending structs',
      problems.length === 0 && acks.pendingStates.length === 0,
      [...problems, ...acks.pendingStates.map((d) => `${d.slice(0, 8)}: pending structs`)]
        .slice(0, 5)
        .join('; '),
    );
    const refused = this.typists.flatMap((t) => t.errors.map((e) => `#${t.index} ${e}`));
    report.check(
      'no update refused for good (client dropped 0, no handle error)',
      refused.length === 0 && sum((t) => t.handle.stats.dropped) === 0,
      refused.slice(0, 5).join('; '),
    );
    const refusedForGood = [...this.ledger.refusals.values()].filter(
      (r) => !this.ledger.acks.has(r.updateId),
    );
    if (refusedForGood.length) {
      const codes = refusedForGood.reduce<Record<string, number>>(
        (m, r) => ((m[r.code] = (m[r.code] ?? 0) + 1), m),
        {},
      );
      const inDb = checkContained(refusedForGood, stored);
      report.figure(
        'updates refused and never acked',
        `${refusedForGood.length} (${Object.entries(codes)
          .map(([c, n]) => `${c}×${n}`)
          .join(
            ', ',
          )}); content in PostgreSQL anyway: ${inDb.storedByContent + inDb.storedById}, missing: ${inDb.lost.length}`,
      );
    }
    if (acks.seqDiffers)
      report.note(
        `${acks.seqDiffers} acks carried a seq other than their row's (resends answered with the head seq)`,
      );

    // (b) replicas and the database agree
    const expected = new Map<string, Fingerprint>();
    for (const [docId, doc] of stored.docs)
      expected.set(docId, fingerprint(docFromState(doc.state)));
    const differing = () =>
      this.typists.filter((t) => !samePrint(fingerprint(t.doc), expected.get(t.docId)!));
    const convergeStarted = Date.now();
    const converged = await waitUntil(
      () => differing().length === 0,
      drained ? (opts.convergeMs ?? 30_000) : 3000,
      100,
    );
    report.check(
      'every client replica equals the state stored in PostgreSQL (text, state vector, delete set)',
      converged,
      converged
        ? `${this.typists.length}/${this.typists.length} replicas, in ${Date.now() - convergeStarted} ms`
        : differing()
            .slice(0, 6)
            .map(
              (t) =>
                `#${t.index} (${t.options.nodeName}) doc ${t.docId.slice(0, 8)} len ${t.text.length} vs ${expected.get(t.docId)!.length}, seq ${t.handle.seq}`,
            )
            .join('; '),
    );

    // The server's own view (doc:open on a fresh connection, through its cache) agrees too.
    const readers = await this.freshReads(stored);
    report.check(
      "a fresh client's doc:open on every node returns the stored state",
      readers.every((r) => r.ok),
      readers
        .filter((r) => !r.ok)
        .map((r) => r.detail)
        .join('; '),
    );

    for (const [docId, doc] of stored.docs) {
      report.figure(
        `doc ${docId.slice(0, 8)}`,
        `head seq ${doc.headSeq}, snapshot upto ${doc.uptoSeq}, ${doc.logRows} log rows, ${expected.get(docId)!.length} chars`,
      );
    }
    return stored;
  }

  /** One fresh connection per node and document (in parallel): doc:open must give the stored state. */
  private async freshReads(stored: StoredDocs) {
    const session = [...this.sessions.values()][0];
    const reads = this.nodes
      .filter((node) => node.running)
      .flatMap((node) =>
        this.docs.map(async (docId) => {
          const reader = new Typist({
            index: -1,
            url: node.url,
            nodeName: node.name,
            token: session.token,
            userEmail: session.email,
            docId,
            ledger: new Ledger(),
            seed: 1,
          });
          try {
            const synced = await waitUntil(() => reader.handle.status === 'synced', 15_000, 50);
            const want = fingerprint(docFromState(stored.docs.get(docId)!.state));
            const got = fingerprint(reader.doc);
            return {
              ok: synced && samePrint(got, want),
              detail: `${node.name} doc ${docId.slice(0, 8)}: ${synced ? `len ${got.length} vs ${want.length}` : reader.handle.status}`,
            };
          } finally {
            reader.close();
          }
        }),
      );
    return Promise.all(reads);
  }

  /** Error-level lines in the server logs (figure + notes); returns their count. */
  logErrors(): number {
    let total = 0;
    for (const node of this.nodes) {
      const { errors, warnings } = node.logProblems();
      total += errors.length;
      this.report.figure(
        `${node.name} log: errors / warnings`,
        `${errors.length} / ${warnings.length}`,
      );
      for (const line of errors.slice(0, 3))
        this.report.note(`${node.name} error: ${line.slice(0, 400)}`);
      for (const line of warnings.slice(0, 2))
        this.report.note(`${node.name} warning: ${line.slice(0, 300)}`);
    }
    return total;
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of this.typists) {
      try {
        t.close();
      } catch {
        // already closed
      }
    }
    for (const fn of this.cleanups.reverse()) await fn().catch((e) => log(`cleanup: ${e}`));
    await Promise.all(this.nodes.map((n) => n.stop().catch(() => undefined)));
    if (this.db && process.argv.includes('--keep-db')) {
      log(`--keep-db: database ${this.db.name} kept (drop it with DROP DATABASE ... WITH (FORCE))`);
    } else if (this.db) {
      await this.db.drop().then(
        () => log(`database ${this.db!.name} dropped`),
        (e) => log(`could not drop ${this.db!.name}: ${e}`),
      );
    }
  }
}

/**
 * Runs a scenario with a time limit, prints the report, cleans up, and exits 0 (PASS) or 1 (FAIL).
 */
export async function runScenario(
  name: string,
  body: (world: World, report: Report) => Promise<void>,
  opts: {
    timeLimitMs?: number;
    seed?: number;
    /** Runs after the summary is printed, before the process exits (e.g. to write a report file). */
    afterReport?: (report: Report) => Promise<void> | void;
  } = {},
): Promise<never> {
  const report = new Report(name);
  const seed = opts.seed ?? Date.now() % 100_000;
  const world = new World(name, report, seed);
  const limit = opts.timeLimitMs ?? 170_000;
  log(`${name}: starting (seed ${seed}, time limit ${limit / 1000} s, logs in ${world.logDir})`);
  const started = Date.now();
  let finish: (() => void) | null = null;
  const interrupted = new Promise<string>((resolve) => {
    const timer = setTimeout(() => resolve(`time limit of ${limit / 1000} s reached`), limit);
    const onSignal = (signal: string) => resolve(`interrupted by ${signal}`);
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
    finish = () => clearTimeout(timer);
  });
  try {
    const outcome = await Promise.race([body(world, report).then(() => null), interrupted]);
    if (outcome) report.check('scenario finished in time', false, outcome);
  } catch (error) {
    report.check('scenario ran to the end', false, (error as Error).stack ?? String(error));
  } finally {
    (finish as (() => void) | null)?.();
    world.stopTyping();
    await Promise.race([world.dispose(), sleep(30_000)]);
  }
  report.figure('duration', `${((Date.now() - started) / 1000).toFixed(1)} s`);
  report.figure('seed', seed);
  report.figure('server logs', world.logDir);
  report.print();
  try {
    await opts.afterReport?.(report);
  } catch (error) {
    console.error(`after the report: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  }
  process.exit(report.passed ? 0 : 1);
}
