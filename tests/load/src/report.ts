/** Console tables, target checks and docs/benchmarks.md from the results of a run. */
import type { ServerKind } from './clients/types.js';
import type { S1Result, S2Result, S3Result, S4Result } from './scenarios.js';

export interface Machine {
  cpu: string;
  cores: number;
  ramGB: number;
  node: string;
  os: string;
  /** Cores busy with other work during the 3 s before the run, and the 1-min load average then. */
  busyBeforeRun: number;
  loadAvgBeforeRun: number;
}

export interface RunResults {
  runId: string;
  startedAt: string;
  durationS: number;
  command: string;
  quick: boolean;
  workers: number;
  machine: Machine;
  versions: Record<string, string>;
  commit: string;
  servers: ServerKind[];
  s1: S1Result[];
  s2: S2Result[];
  s3: S3Result[];
  s4: S4Result[];
  targets: TargetCheck[];
  selfTest?: { name: string; passed: boolean; detail: string }[];
}

export interface TargetCheck {
  scenario: string;
  target: string;
  status: 'met' | 'not met' | 'n/a';
  detail: string;
}

export const SERVER_LABEL: Record<ServerKind, string> = {
  ywebsocket: 'y-websocket',
  hocuspocus: 'Hocuspocus',
  coalesce: 'Coalesce',
};

const f = (v: number | undefined, digits = 1) =>
  v === undefined || Number.isNaN(v) ? '–' : v.toFixed(digits);
const int = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US');
const pct = (v: number | undefined) =>
  v === undefined || Number.isNaN(v) ? '–' : `${Math.round(v * 100)}%`;

type Table = { head: string[]; rows: string[][] };

function s1Table(results: S1Result[]): Table {
  return {
    head: [
      'config',
      'clients',
      'server',
      'status',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'max ms',
      'updates',
      'deliveries (counted / expected)',
      'ack p99 ms',
      'PG commit alone p50 / p99 ms',
      'server CPU',
      'PG CPU',
      'server RSS MB',
      'generator CPU',
      'other work (cores) / CPU pressure',
    ],
    rows: results.map((r) => [
      `${r.config} ${r.mode}`,
      String(r.clients ?? '–'),
      SERVER_LABEL[r.server],
      (r.error ? `ERROR: ${r.error}` : r.ok ? 'ok' : `FAIL: ${(r.failures ?? []).join('; ')}`) +
        (r.note ? ` (${r.note})` : ''),
      f(r.allSeen?.p50),
      f(r.allSeen?.p95),
      f(r.allSeen?.p99),
      f(r.allSeen?.max),
      int(r.updatesSent),
      r.deliveriesCounted === undefined
        ? '–'
        : `${int(r.deliveriesCounted)} / ${int(r.deliveriesExpected)}`,
      r.ack && r.ack.count ? f(r.ack.p99) : '–',
      r.commitFloor?.count ? `${f(r.commitFloor.p50)} / ${f(r.commitFloor.p99)}` : '–',
      pct(r.serverCpu),
      r.postgresCpu === undefined ? '–' : pct(r.postgresCpu),
      f(r.serverRssMB, 0),
      r.generatorCpu ? r.generatorCpu.map(pct).join('+') : '–',
      r.otherLoad === undefined ? '–' : `${f(r.otherLoad)} / ${f(r.cpuPressure, 0)}%`,
    ]),
  };
}

function s2Table(results: S2Result[]): Table {
  return {
    head: [
      'server',
      'max sustained updates/s',
      'steps',
      'last passing step: p99 ms / server CPU / PG CPU / generator CPU',
      'stopped because',
    ],
    rows: results.map((r) => {
      const last = [...r.steps].reverse().find((s) => s.passed);
      return [
        SERVER_LABEL[r.server],
        r.error ? `ERROR: ${r.error}` : int(r.maxSustained),
        r.steps
          .map(
            (s) => `${s.targetRate}${s.passed ? '✓' : '✗'}${s.contended ? '(busy machine)' : ''}`,
          )
          .join(' '),
        last
          ? `${f(last.allSeen.p99)} / ${pct(last.serverCpu)} / ${last.postgresCpu === undefined ? '–' : pct(last.postgresCpu)} / ${last.generatorCpu.map(pct).join('+')}`
          : '–',
        (r.stopReason || '–') + (r.note ? ` (${r.note})` : ''),
      ];
    }),
  };
}

function s3Table(results: S3Result[]): Table {
  return {
    head: [
      'server',
      'loaded from',
      'sync median ms',
      'sync samples ms',
      'connect + sync median ms',
      'warm re-open median ms',
      'state bytes',
      'status',
    ],
    rows: results.map((r) => [
      SERVER_LABEL[r.server],
      r.loadedFrom,
      f(r.syncMedian, 2),
      r.syncMs.map((v) => f(v, 1)).join(', ') || '–',
      f(r.totalMedian, 2),
      r.warmSyncMedian === undefined ? '–' : f(r.warmSyncMedian, 2),
      int(r.stateBytes),
      (r.error ? `ERROR: ${r.error}` : 'ok (content verified)') + (r.note ? ` (${r.note})` : ''),
    ]),
  };
}

function s4Table(results: S4Result[]): Table {
  const levels = [...new Set(results.flatMap((r) => r.levels.map((l) => l.clients)))].sort(
    (a, b) => a - b,
  );
  return {
    head: [
      'server',
      'baseline RSS MB',
      ...levels.map((l) => `${l} clients: RSS MB / KB per conn`),
      'status',
    ],
    rows: results.map((r) => [
      SERVER_LABEL[r.server],
      f(r.baselineRssMB),
      ...levels.map((l) => {
        const x = r.levels.find((y) => y.clients === l);
        return x ? `${f(x.rssMB)} / ${f(x.perClientKB)}` : '–';
      }),
      (r.error ? `ERROR: ${r.error}` : 'ok (all connections alive)') +
        (r.note ? ` (${r.note})` : ''),
    ]),
  };
}

export function checkTargets(r: RunResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const by = <T extends { server: ServerKind }>(list: T[], kind: ServerKind) =>
    list.find((x) => x.server === kind);
  for (const config of ['1×50', '10×10', '50×4']) {
    const rows = r.s1.filter((x) => x.config === config && x.mode === 'raw');
    if (!rows.length) continue;
    const get = (k: ServerKind) => rows.find((x) => x.server === k);
    const c = get('coalesce');
    const y = get('ywebsocket');
    const h = get('hocuspocus');
    const target = `S1 ${config}: p99 ≤ Hocuspocus and ≤ 1.5 × y-websocket`;
    if (!y?.ok || !h?.ok || !y.allSeen || !h.allSeen || !c || c.error) {
      checks.push({
        scenario: 'S1',
        target,
        status: 'n/a',
        detail: c?.error
          ? `Coalesce run error: ${c.error}`
          : 'a reference run failed or is missing',
      });
      continue;
    }
    if (!c.ok || !c.allSeen) {
      checks.push({
        scenario: 'S1',
        target,
        status: 'not met',
        detail: `Coalesce failed the run: ${(c.failures ?? []).join('; ')}`,
      });
      continue;
    }
    const met = c.allSeen.p99 <= h.allSeen.p99 && c.allSeen.p99 <= 1.5 * y.allSeen.p99;
    checks.push({
      scenario: 'S1',
      target,
      status: met ? 'met' : 'not met',
      detail:
        `Coalesce ${f(c.allSeen.p99)} ms; Hocuspocus ${f(h.allSeen.p99)} ms; 1.5 × y-websocket ${f(1.5 * y.allSeen.p99)} ms` +
        (c.commitFloor?.count
          ? `; one PostgreSQL commit alone at this pace: p50 ${f(c.commitFloor.p50)} / p99 ${f(c.commitFloor.p99)} ms`
          : ''),
    });
  }
  {
    const c = by(r.s2, 'coalesce');
    const h = by(r.s2, 'hocuspocus');
    const target = 'S2: max sustained rate ≥ Hocuspocus';
    if (c && h && !c.error && !h.error && h.maxSustained > 0) {
      checks.push({
        scenario: 'S2',
        target,
        status: c.maxSustained >= h.maxSustained ? 'met' : 'not met',
        detail: `Coalesce ${int(c.maxSustained)}/s; Hocuspocus ${int(h.maxSustained)}/s`,
      });
    } else if (c || h)
      checks.push({ scenario: 'S2', target, status: 'n/a', detail: 'a run failed or is missing' });
  }
  {
    const c = by(r.s3, 'coalesce');
    const y = by(r.s3, 'ywebsocket');
    const target = 'S3: cold load from PostgreSQL ≤ 1.5 × y-websocket in-memory load';
    if (c && y && !c.error && !y.error) {
      checks.push({
        scenario: 'S3',
        target,
        status: c.syncMedian <= 1.5 * y.syncMedian ? 'met' : 'not met',
        detail: `Coalesce ${f(c.syncMedian, 2)} ms; 1.5 × y-websocket ${f(1.5 * y.syncMedian, 2)} ms`,
      });
    } else if (c || y)
      checks.push({ scenario: 'S3', target, status: 'n/a', detail: 'a run failed or is missing' });
  }
  {
    const c = by(r.s4, 'coalesce');
    const h = by(r.s4, 'hocuspocus');
    const target = 'S4: memory per idle connection ≤ Hocuspocus';
    const cl = c?.levels.at(-1);
    const hl = h?.levels.find((l) => l.clients === cl?.clients);
    if (c && h && !c.error && !h.error && cl && hl) {
      checks.push({
        scenario: 'S4',
        target,
        status: cl.perClientKB <= hl.perClientKB ? 'met' : 'not met',
        detail: `at ${cl.clients} clients: Coalesce ${f(cl.perClientKB)} KB; Hocuspocus ${f(hl.perClientKB)} KB`,
      });
    } else if (c || h)
      checks.push({ scenario: 'S4', target, status: 'n/a', detail: 'a run failed or is missing' });
  }
  return checks;
}

function plain(t: Table): string {
  const widths = t.head.map((h, i) => Math.max(h.length, ...t.rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(t.head), widths.map((w) => '-'.repeat(w)).join('  '), ...t.rows.map(line)].join(
    '\n',
  );
}

function md(t: Table): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${t.head.map(esc).join(' | ')} |`,
    `|${t.head.map(() => ' --- ').join('|')}|`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export function printTables(r: RunResults): string {
  const parts: string[] = [];
  if (r.s1.length)
    parts.push(
      'S1 fan-out latency (time until every other client has the update)\n' + plain(s1Table(r.s1)),
    );
  if (r.s2.length)
    parts.push('S2 saturation (1 doc × 20 clients, p99 ≤ 100 ms)\n' + plain(s2Table(r.s2)));
  if (r.s3.length) parts.push('S3 cold load (10,000-update document)\n' + plain(s3Table(r.s3)));
  if (r.s4.length) parts.push('S4 idle connections (server RSS)\n' + plain(s4Table(r.s4)));
  if (r.targets.length)
    parts.push(
      'Coalesce targets\n' +
        plain({
          head: ['target', 'status', 'detail'],
          rows: r.targets.map((t) => [t.target, t.status, t.detail]),
        }),
    );
  return parts.join('\n\n');
}

export function markdown(r: RunResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`# Benchmarks: Coalesce collaboration engine vs the reference Yjs servers

Written by the benchmark harness (\`tests/load\`) at the end of a full run; do not edit by hand.
Re-run with:

\`\`\`bash
${r.command}
\`\`\`

| | |
| --- | --- |
| date | ${r.startedAt} |
| duration of the run | ${Math.floor(r.durationS / 60)} min ${Math.round(r.durationS % 60)} s |
| machine | ${m.cpu}, ${m.cores} cores, ${m.ramGB} GB RAM, ${m.os} |
| other load before the run | ${f(m.busyBeforeRun, 2)} of ${m.cores} cores busy, 1-min load average ${f(m.loadAvgBeforeRun, 2)} |
| Node | ${m.node} |
| commit | ${r.commit} |
| servers | ${Object.entries(r.versions)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')} |
| load generator | ${r.workers} worker process(es), raw protocol-level clients unless marked "full" |

## Method

- Every server runs in its own child process on 127.0.0.1, a fresh process per scenario
  configuration; the clients run in separate worker processes. The reference servers run with
  their defaults, in memory (y-websocket: \`@y/websocket-server\` \`setupWSConnection\`; Hocuspocus:
  \`new Server()\` without extensions). Coalesce is the built API (\`apps/api/dist/main.js\`,
  \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`) on a throwaway PostgreSQL database created and dropped
  by the run; it acknowledges an update only after its PostgreSQL commit.
- **Raw clients** speak each wire protocol directly (y-protocols sync over ws; Hocuspocus framing
  with the document name prefix and the auth message; Socket.IO \`/collab\` with \`doc:open\` and
  \`doc:update\`, through Coalesce's wire parser, one frame per packet). A client keeps a tiny
  Y.Doc only for its own inserts; each insert carries a unique marker \`@@sender:seq:sendTime!\`.
  Receivers find markers in the received bytes with \`Buffer.indexOf\` and do not decode updates
  (a merged Coalesce broadcast keeps every marker; a receiver ignores its own). Send time and
  arrival time come from CLOCK_MONOTONIC, shared by all processes.
- **Full clients** hold a whole Y.Doc with the server's provider (\`WebsocketProvider\`,
  \`HocuspocusProvider\`, and Coalesce's own \`@coalesce/collab-client\`) and apply every update. On
  2 cores, full clients load the generator much more than the servers; compare them with care.
- **Latency** of an update = time until the last other client of its document has received it
  (p50/p95/p99/max over updates); per-delivery figures are in the JSON. Each run checks that
  every update sent in the measurement window reached every other client of its document exactly
  once (counted deliveries = updates × receivers), that nothing arrived in the wrong document, and
  that no connection dropped and no ack failed; otherwise the scenario is marked FAIL, never 0 ms.
- **CPU** = server process user+system time from \`/proc/<pid>/stat\` over the measurement window, as
  a share of one core. "PG CPU" = the PostgreSQL backends serving the benchmark database over the
  same window (Coalesce only; the shared WAL writer and checkpointer are not included). **RSS** from
  \`/proc/<pid>/status\`.
- The machine may be shared. "Other work" = busy cores of the whole machine (\`/proc/stat\`) minus the
  server, the load generator and the benchmark's PostgreSQL backends, during the window. A scenario
  (or an S2 step) during which other work used more than 0.3 cores, or that ended in an
  infrastructure error, or during which PostgreSQL restarted, is run once more after waiting (at
  most 60 s) for a quiet machine (at most 8 re-runs per run); the status column notes it.
- S1: clients insert into a Y.Text at 2 updates/s each (random phase), ${r.quick ? '1 s warm-up + 4 s' : '3 s warm-up + 15 s'} measured.
  "PG commit alone": right after each Coalesce configuration, on the then quiet machine, a Node
  client runs one-row INSERTs in autocommit (each a durable commit: a WAL flush) into the same
  PostgreSQL at the configuration's total update rate for ${r.quick ? '2' : '5'} s, and times each round trip.
  Coalesce acks and broadcasts an update only after its commit, so its latency cannot go below
  this floor plus the delivery that the reference servers do alone.
- S2: 1 document × 20 clients, evenly phased; each new server process first carries 500 updates/s
  for ${r.quick ? '1.5' : '3.5'} s, unmeasured (its code paths warm up); total rate raised in steps of ${r.quick ? '2,000' : '1,000'}/s until a step
  fails, then, on a fresh server process, in steps of ${r.quick ? '500' : '250'}/s above the last passing step (or
  50, 100, 250, 500, 750/s when even the first step fails); ${r.quick ? '0.5 s + 1.5 s' : '1 s warm-up + 3 s'} per step. A step
  passes when p99 ≤ 100 ms, every delivery arrived, no error, and the generator reached 95% of
  the rate. Coalesce allows 500 updates/s per socket, so 20 clients cap the test at 10,000/s for it.
  On 2 cores the server and the load generator share the machine: near the references' maxima
  the generator itself needs most of a core (see "generator CPU"), so those maxima are also close
  to what this machine can drive.
- S3: 10 writers build one document from 10,000 small inserts at random positions of their own
  text (seeded, identical for every server). Then new clients, one at a time, connect and sync;
  "sync" = from the transport being connected to the full state received, "connect + sync" includes
  the WebSocket / Socket.IO handshake. The received state is decoded and compared with the expected
  text. References: the document is in memory (a writer stays connected). Coalesce: the API process
  is restarted, another document is opened first (to warm the process), then one cold sample per
  restart (${r.quick ? 1 : 3} restarts): the document comes from PostgreSQL. "warm re-open" = later opens in the same
  process.
- S4: 10 documents, one holder connection each; baseline RSS; then idle clients are added
  (each opens one document) and the RSS delta divided by the number of clients.
`);
  if (m.busyBeforeRun > 0.25 * m.cores) {
    out.push(`> **Warning:** the machine was busy with other work when this run started (${f(m.busyBeforeRun, 2)} of
> ${m.cores} cores). Absolute figures are inflated and noisy; compare servers within the run only,
> and see the "other work / CPU pressure" column (cores used by other processes during the
> measurement window, and the share of time some task waited for a CPU).
`);
  }
  out.push('## Results\n');
  if (r.s1.length) {
    out.push('### S1 fan-out latency\n');
    out.push(md(s1Table(r.s1)) + '\n');
  }
  if (r.s2.length) {
    out.push('### S2 saturation (1 document × 20 clients)\n');
    out.push(md(s2Table(r.s2)) + '\n');
  }
  if (r.s3.length) {
    out.push('### S3 cold load of a 10,000-update document\n');
    out.push(md(s3Table(r.s3)) + '\n');
  }
  if (r.s4.length) {
    out.push('### S4 idle connections\n');
    out.push(md(s4Table(r.s4)) + '\n');
  }
  out.push('## Coalesce targets on this run\n');
  out.push(
    r.targets.length
      ? md({
          head: ['target', 'status', 'detail'],
          rows: r.targets.map((t) => [t.target, t.status, t.detail]),
        }) + '\n'
      : 'No target could be checked (Coalesce was not part of this run).\n',
  );
  if (r.selfTest?.length) {
    out.push('## Harness self-test\n');
    out.push(
      md({
        head: ['check', 'result', 'detail'],
        rows: r.selfTest.map((s) => [s.name, s.passed ? 'passed' : 'FAILED', s.detail]),
      }) + '\n',
    );
  }
  out.push(`Raw results: \`tests/load/results/${r.runId}.json\` (not committed).\n`);
  return out.join('\n');
}
