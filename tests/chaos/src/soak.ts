/**
 * Soak: 200 clients (the real @coalesce/collab-client, 4 per document, 4 different demo users per
 * document) across 50 documents type at a modest rate against one built API process on a throwaway
 * PostgreSQL database, for 10 minutes by default.
 *
 * Every 30 s the harness reads the server's own /api/metrics (RSS, heap, event-loop lag p99 since
 * the previous read, the server-side ack latency histogram) and the clients' ack latencies (emit to
 * ack) of the interval. At the end: every client drains its outbox; every acked update is in
 * PostgreSQL; every replica and a fresh doc:open equal what is stored.
 *
 * Fails on any error ack, any ack that never came, any lost update, any client disconnect while
 * typing, any error in the server log. Reports RSS at boot, start and end, and the ack p99 of every interval; "stable" when
 * the last interval's p99 is within 2× of the first's (p99s under 10 ms count as 10 ms). Stability
 * is reported, not a failure: on a shared machine other jobs move p99s by hundreds of ms.
 *
 *   npm run soak                            10 minutes; writes the "## Soak" section of docs/benchmarks.md
 *   npm run soak -- --minutes 2             a shorter local check (does not write the docs)
 *   options: --clients 200 --docs 50 --rate 0.5 (edits/s per client) --interval 30 (s)
 *            --write / --no-write (docs), --seed N, --keep-db
 */
import os from 'node:os';
import { DEMO_USERS } from './lib/api-node.js';
import { MetricsSample, quantile, quantileBetween } from './lib/server-metrics.js';
import { writeSoakSection } from './lib/soak-doc.js';
import { args, log, numberArg, sleep } from './lib/util.js';
import { runScenario, type TypistSpec } from './lib/world.js';
import type { Report } from './lib/report.js';

const a = args();
const MINUTES = numberArg(a, 'minutes', 10);
const CLIENTS = numberArg(a, 'clients', 200);
const DOCS = numberArg(a, 'docs', 50);
const RATE = numberArg(a, 'rate', 0.5);
const INTERVAL_S = numberArg(a, 'interval', 30);
const WRITE_DOCS = a.has('write') || (MINUTES >= 10 && !a.has('no-write'));
const NOISE_FLOOR_MS = 10;
const INTERVALS = Math.max(1, Math.round((MINUTES * 60) / INTERVAL_S));

interface Interval {
  endS: number;
  rssMB: number;
  heapMB: number;
  loopP99Ms: number;
  loopMaxMs: number;
  clientAckP99Ms: number | null;
  clientAckP50Ms: number | null;
  serverAckP99Ms: number | null;
  commitP99Ms: number | null;
  commitMaxMs: number | null;
  acks: number;
  /** Client sockets that disconnected during the interval. */
  disconnects: number;
  sockets: number;
  backlog: number;
}

const mb = (bytes: number) => bytes / (1024 * 1024);
const ms = (v: number | null) => (v === null ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const loadBefore = os.loadavg()[0];
const startedAt = new Date().toISOString();
const intervals: Interval[] = [];
const memory: { bootMB: number; startMB: number; endMB: number; startHeapMB: number } = {
  bootMB: NaN,
  startMB: NaN,
  endMB: NaN,
  startHeapMB: NaN,
};
let totals = { edits: 0, acked: 0, stored: 0 };

await runScenario(
  'soak',
  async (world, report) => {
    await world.startNodes(1);
    const node = world.nodes[0];
    memory.bootMB = mb(
      (await MetricsSample.scrape(node.url)).value('process_resident_memory_bytes'),
    );
    await world.setup(DOCS);
    const specs: TypistSpec[] = [];
    for (let i = 0; i < CLIENTS; i++)
      specs.push({
        doc: i % DOCS,
        node: 0,
        email: DEMO_USERS[Math.floor(i / DOCS) % DEMO_USERS.length],
      });
    world.addTypists(specs);
    await world.waitAllSynced(180_000, 'initial open');
    log(`${CLIENTS} clients opened ${DOCS} documents; typing ${RATE}/s each for ${MINUTES} min`);

    // This read also resets the server's event-loop lag percentiles: each later read covers one interval.
    let previous = await MetricsSample.scrape(node.url);
    memory.startMB = mb(previous.value('process_resident_memory_bytes'));
    memory.startHeapMB = mb(previous.value('nodejs_heap_size_used_bytes'));
    const sockets = previous.value('coalesce_socket_connections{namespace="/collab"}');
    report.check(
      `the server counts ${CLIENTS} connected sockets in /api/metrics`,
      sockets === CLIENTS,
      `${sockets}`,
    );
    world.ledger.phase = 'typing';
    world.startTyping(RATE);
    const t0 = Date.now();
    let seen = world.ledger.ackLatencies.length;
    const disconnectsBetween = (from: number, to: number) =>
      world.typists.reduce(
        (n, t) => n + t.disconnects.filter((d) => d.at > from && d.at <= to).length,
        0,
      );
    for (let i = 1; i <= INTERVALS; i++) {
      await sleep(Math.max(0, t0 + i * INTERVAL_S * 1000 - Date.now()));
      const sample = await MetricsSample.scrape(node.url);
      const latencies = world.ledger.ackLatencies.slice(seen);
      seen += latencies.length;
      const interval: Interval = {
        endS: Math.round((sample.at - t0) / 1000),
        rssMB: mb(sample.value('process_resident_memory_bytes')),
        heapMB: mb(sample.value('nodejs_heap_size_used_bytes')),
        loopP99Ms: sample.value('nodejs_eventloop_lag_p99_seconds') * 1000,
        loopMaxMs: sample.value('nodejs_eventloop_lag_max_seconds') * 1000,
        clientAckP99Ms: quantile(latencies, 0.99),
        clientAckP50Ms: quantile(latencies, 0.5),
        serverAckP99Ms: toMs(
          quantileBetween(previous, sample, 'coalesce_collab_update_ack_seconds', 0.99),
        ),
        commitP99Ms: toMs(
          quantileBetween(previous, sample, 'coalesce_collab_commit_duration_seconds', 0.99),
        ),
        commitMaxMs: toMs(
          quantileBetween(previous, sample, 'coalesce_collab_commit_duration_seconds', 1),
        ),
        acks: latencies.length,
        disconnects: disconnectsBetween(previous.at, sample.at),
        sockets: sample.value('coalesce_socket_connections{namespace="/collab"}'),
        backlog: sample.value('coalesce_collab_compaction_backlog_documents'),
      };
      intervals.push(interval);
      log(
        `t=${interval.endS}s rss ${interval.rssMB.toFixed(0)} MB, heap ${interval.heapMB.toFixed(0)} MB, ` +
          `loop p99/max ${ms(interval.loopP99Ms)}/${ms(interval.loopMaxMs)} ms, ack p50/p99 ${ms(interval.clientAckP50Ms)}/${ms(interval.clientAckP99Ms)} ms ` +
          `(server ≤ ${ms(interval.serverAckP99Ms)} ms, commit p99/max ≤ ${ms(interval.commitP99Ms)}/${ms(interval.commitMaxMs)} ms), ${interval.acks} acks, ${interval.sockets} sockets, ` +
          `${interval.disconnects} disconnects, ` +
          `errors ${world.ledger.errorSummary()}, lost ${world.ledger.lostAcks}`,
      );
      previous = sample;
    }
    world.stopTyping();
    const typingEnded = Date.now();
    world.ledger.phase = 'drain';
    memory.endMB = intervals.at(-1)!.rssMB;
    const whileTyping = world.typists.flatMap((t) =>
      t.disconnects.filter((d) => d.at <= typingEnded).map((d) => `#${t.index}: ${d.reason}`),
    );

    const stored = await world.verify({ drainMs: 120_000, convergeMs: 60_000 });
    totals = {
      edits: world.typists.reduce((n, t) => n + t.edits, 0),
      acked: world.ledger.acks.size,
      stored: stored ? stored.docs.size : 0,
    };
    report.check(
      'no error ack during the whole run',
      world.ledger.errorAcks.size === 0,
      world.ledger.errorSummary(),
    );
    report.check(
      'no ack lost (timeout or disconnect)',
      world.ledger.lostAcks === 0,
      `${world.ledger.lostAcks}`,
    );
    report.check(
      'every client stayed connected while typing (no disconnect)',
      whileTyping.length === 0,
      `${whileTyping.length}${whileTyping.length ? `: ${whileTyping.slice(0, 5).join('; ')}` : ''}`,
    );
    // The final verification replays every acked update in this process (seconds of CPU), which can
    // starve the idle clients' heartbeats: reported, not a failure.
    const afterTyping = world.typists.flatMap((t) =>
      t.disconnects.filter((d) => d.at > typingEnded).map((d) => d.reason),
    );
    report.figure(
      'client disconnects during the verification',
      afterTyping.length ? `${afterTyping.length} (${countBy(afterTyping)})` : 'none',
    );
    report.check('no error in the server log', world.logErrors() === 0);
    const { first, last, stable } = stability();
    report.figure(
      'RSS after boot / start / end',
      `${memory.bootMB.toFixed(0)} / ${memory.startMB.toFixed(0)} / ${memory.endMB.toFixed(0)} MB`,
    );
    report.figure(
      'ack p99 first / last interval',
      `${ms(first)} / ${ms(last)} ms: ${stable ? 'stable' : 'NOT stable'} (last within 2× of the first, floor ${NOISE_FLOOR_MS} ms)`,
    );
  },
  {
    timeLimitMs: MINUTES * 60_000 + 10 * 60_000,
    afterReport: (report) => {
      if (!WRITE_DOCS) {
        log('docs/benchmarks.md not written (only 10-minute runs write it; --write forces it)');
        return;
      }
      writeSoakSection(soakMarkdown(report));
      log('wrote the "## Soak" section of docs/benchmarks.md');
    },
  },
);

function countBy(values: string[]): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([v, n]) => `${v}×${n}`).join(', ');
}

/** Last interval's client ack p99 within 2× of the first's (each at least the noise floor). */
function stability(): { first: number | null; last: number | null; stable: boolean } {
  const first = intervals[0]?.clientAckP99Ms ?? null;
  const last = intervals.at(-1)?.clientAckP99Ms ?? null;
  const stable =
    intervals.length > 1 &&
    first !== null &&
    last !== null &&
    last <= 2 * Math.max(first, NOISE_FLOOR_MS);
  return { first, last, stable };
}

function toMs(seconds: number | null): number | null {
  return seconds === null ? null : seconds * 1000;
}

function soakMarkdown(report: Report): string {
  const cpu = os.cpus();
  const { first, last, stable } = stability();
  const command = `npm run soak${MINUTES === 10 ? '' : ` -- --minutes ${MINUTES}`}`;
  const rows = intervals.map(
    (i) =>
      `| ${i.endS} | ${i.rssMB.toFixed(0)} | ${i.heapMB.toFixed(0)} | ${ms(i.loopP99Ms)} | ${ms(i.loopMaxMs)} | ${ms(i.clientAckP50Ms)} | ${ms(i.clientAckP99Ms)} | ${ms(i.serverAckP99Ms)} | ${ms(i.commitP99Ms)} | ${ms(i.commitMaxMs)} | ${i.acks} | ${i.disconnects} | ${i.backlog} |`,
  );
  const checks = report.results.map(
    (c) =>
      `| ${c.name} | ${c.ok ? 'pass' : '**FAIL**'} | ${c.detail.replace(/\|/g, '\\|').slice(0, 200)} |`,
  );
  return `## Soak

Written by \`npm run soak\` (\`tests/chaos/src/soak.ts\`); a benchmark run keeps this section.
${CLIENTS} clients (\`@coalesce/collab-client\`, ${CLIENTS / DOCS} per document, each document
shared by ${Math.min(CLIENTS / DOCS, DEMO_USERS.length)} different users) across ${DOCS} documents
type ${RATE} edits/s each (random inserts and deletes) for ${MINUTES} minutes against one built API
process (\`NODE_ENV=production\`) on a throwaway PostgreSQL database. Every ${INTERVAL_S} s the
harness reads the server's \`/api/metrics\` and the clients' ack latencies; at the end it checks
that every acked update is stored and every replica equals the stored state.

| | |
| --- | --- |
| result | **${report.passed ? 'PASS' : 'FAIL'}** |
| date | ${startedAt} |
| command | \`${command}\` |
| machine | ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM; 1-min load average ${loadBefore.toFixed(2)} before the run (the machine is shared) |
| edits / acked updates | ${totals.edits} local edits, ${totals.acked} updates acked (the client merges edits made while an ack is pending) |
| server RSS | ${memory.bootMB.toFixed(0)} MB after boot, ${memory.startMB.toFixed(0)} MB with ${CLIENTS} clients connected, ${memory.endMB.toFixed(0)} MB at the end |
| ack p99 (client, emit to ack) | ${ms(first)} ms in the first interval, ${ms(last)} ms in the last: ${stable ? '**stable**' : '**not stable**'} (stable: the last within 2× of the first, p99s under ${NOISE_FLOOR_MS} ms counted as ${NOISE_FLOOR_MS} ms) |

### Every ${INTERVAL_S} s

Server figures from its \`/api/metrics\`: RSS, heap used, event-loop lag p99 and max over the interval,
update ack latency p99 and group-commit duration p99 and max as the bound of their histogram bucket.
Client figures: emit to ack of every \`doc:update\` acked in the interval.

| t (s) | RSS MB | heap MB | loop p99 ms | loop max ms | client ack p50 ms | client ack p99 ms | server ack p99 ≤ ms | commit p99 ≤ ms | commit max ≤ ms | acks | disconnects | compaction backlog |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.join('\n')}

### Checks

| check | result | detail |
| --- | --- | --- |
${checks.join('\n')}
`;
}
