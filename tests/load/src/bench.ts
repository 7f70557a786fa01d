/**
 * Benchmark orchestrator: runs S1–S4 against y-websocket, Hocuspocus and Coalesce in one run,
 * prints tables, writes tests/load/results/<run>.json and (full runs) docs/benchmarks.md.
 *
 *   node tests/load/dist/bench.js [--quick] [--scenario S1[,S2…]] [--servers ywebsocket,hocuspocus,coalesce]
 *                                 [--workers N] [--no-full] [--no-selftest] [--docs | --no-docs]
 *                                 [--retries N]
 *   node tests/load/dist/bench.js --render tests/load/results/<run>.json   (re-render docs/benchmarks.md)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { ServerKind } from './clients/types.js';
import { writeBenchmarksDoc } from './lib/benchmarks-doc.js';
import { ROOT, RESULTS_DIR } from './lib/paths.js';
import { CpuMeter, cpuModel, machineBusySeconds, waitForIdleMachine } from './lib/proc.js';
import { CONTENDED_CORES } from './session.js';
import { sleep } from './lib/clock.js';
import { checkTargets, markdown, printTables, SERVER_LABEL, type RunResults } from './report.js';
import {
  runS1,
  runS2,
  runS3,
  runS4,
  s1Configs,
  type Options,
  type StartServer,
} from './scenarios.js';
import { CoalesceHost, postgresStartTime, startReference } from './servers/launch.js';

const ALL_SERVERS: ServerKind[] = ['ywebsocket', 'hocuspocus', 'coalesce'];
const ALL_SCENARIOS = ['S1', 'S2', 'S3', 'S4'];

interface Args {
  quick: boolean;
  scenarios: string[];
  servers: ServerKind[];
  workers: number;
  full: boolean;
  selftest: boolean;
  docs: boolean | null;
  render: string | null;
  /** Re-runs allowed per run after a busy machine or an infrastructure error. */
  retries: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = {
    quick: false,
    scenarios: [],
    servers: [],
    workers: 1,
    full: true,
    selftest: true,
    docs: null,
    render: null,
    retries: 8,
  };
  const list = (v: string | undefined) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--quick':
        args.quick = inline === undefined ? true : inline !== 'false';
        break;
      case '--scenario':
      case '--scenarios':
        args.scenarios.push(...list(value()).map((s) => s.toUpperCase()));
        break;
      case '--servers':
      case '--server':
        args.servers.push(...(list(value()) as ServerKind[]));
        break;
      case '--workers':
        args.workers = Math.max(1, Number(value()) || 1);
        break;
      case '--no-full':
        args.full = false;
        break;
      case '--no-selftest':
        args.selftest = false;
        break;
      case '--docs':
        args.docs = true;
        break;
      case '--no-docs':
        args.docs = false;
        break;
      case '--retries':
        args.retries = Math.max(0, Math.floor(Number(value())) || 0);
        break;
      case '--render':
        args.render = value();
        break;
      case '--help':
      case '-h':
        console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown argument ${argv[i]} (see --help)`);
    }
  }
  if (!args.scenarios.length) args.scenarios = [...ALL_SCENARIOS];
  if (!args.servers.length) args.servers = [...ALL_SERVERS];
  for (const s of args.scenarios)
    if (!ALL_SCENARIOS.includes(s)) throw new Error(`unknown scenario ${s}`);
  for (const s of args.servers)
    if (!ALL_SERVERS.includes(s)) throw new Error(`unknown server ${s}`);
  return args;
}

function version(pkg: string): string {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8'))
      .version;
  } catch {
    return '?';
  }
}

function commit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
    })
      .toString()
      .trim();
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.render) {
    // Re-renders the tables and docs/benchmarks.md from a saved results file, without running.
    const saved = JSON.parse(readFileSync(args.render, 'utf8')) as RunResults;
    saved.targets = saved.servers.includes('coalesce') ? checkTargets(saved) : [];
    console.log(printTables(saved));
    if (args.docs !== false) {
      writeBenchmarksDoc(markdown(saved));
      console.log('wrote docs/benchmarks.md');
    }
    return;
  }
  const t0 = Date.now();
  const runId = new Date(t0).toISOString().replace(/[:.]/g, '-');
  const logDir = join(RESULTS_DIR, 'logs', runId);
  mkdirSync(logDir, { recursive: true });
  const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(0)}s`;
  const log = (msg: string) => console.log(`[${elapsed()}] ${msg}`);
  // At most 8 re-runs per run by default (busy machine, PostgreSQL restarted, infrastructure
  // error): bounded time. `--retries 0` measures once, busy or not (A/B runs on a shared machine).
  const opts: Options = {
    quick: args.quick,
    workers: args.workers,
    full: args.full,
    log,
    retries: { left: args.retries },
  };
  const isFullRun =
    !args.quick &&
    ALL_SCENARIOS.every((s) => args.scenarios.includes(s)) &&
    ALL_SERVERS.every((s) => args.servers.includes(s));
  const writeDocs = args.docs ?? isFullRun;
  const argText = process.argv.slice(2).join(' ');
  const command = isFullRun && !argText ? 'npm run bench' : `npm run bench -- ${argText}`.trim();

  let coalesce: CoalesceHost | null = null;
  let starts = 0;
  const start: StartServer = async (kind) => {
    starts++;
    if (kind === 'coalesce') {
      coalesce ??= await CoalesceHost.create(join(logDir, 'coalesce.log'));
      return coalesce.start();
    }
    return startReference(kind, join(logDir, `${kind}.log`));
  };
  const cleanup = async () => {
    if (coalesce) await coalesce.dispose().catch((e) => console.error(`cleanup: ${e.message}`));
    coalesce = null;
  };
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    console.error('\ninterrupted: stopping servers and dropping the database…');
    void cleanup().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const idle = new CpuMeter(machineBusySeconds);
  idle.start();
  await sleep(3000);
  const busyBeforeRun = idle.stop();
  const loadAvgBeforeRun = os.loadavg()[0];
  /**
   * The machine is shared: a scenario that ended in an infrastructure error (not a measured
   * failure), or a Coalesce scenario during which PostgreSQL was restarted by something else, is
   * run once more; the result keeps a note of what happened.
   */
  let firstNote = '';
  const guarded = async <T extends { note?: string; error?: string; contended?: boolean }>(
    kind: ServerKind,
    what: string,
    fn: () => Promise<T>,
  ): Promise<T> => {
    let result!: T;
    for (let attempt = 1; attempt <= 2; attempt++) {
      const before = kind === 'coalesce' ? await postgresStartTime() : '';
      result = await fn();
      const after = kind === 'coalesce' ? await postgresStartTime() : '';
      const why =
        before !== after
          ? `PostgreSQL was restarted by something else during ${what}`
          : result.error
            ? `${what} ended in an error: ${result.error}`
            : result.contended
              ? `other work on the machine used over ${CONTENDED_CORES} cores during ${what}`
              : '';
      if (!why) {
        if (attempt === 2) result.note = `second attempt; the first: ${firstNote}`;
        return result;
      }
      const again = attempt === 1 && opts.retries.left > 0;
      log(`    ${why}${again ? '; running it again' : ''}`);
      firstNote = why;
      result.note = attempt === 1 ? why : `twice: ${why}`;
      if (!again) return result;
      opts.retries.left--;
      await sleep(2000);
      await waitForIdleMachine(60_000);
    }
    return result;
  };
  const results: RunResults = {
    runId,
    startedAt: new Date(t0).toISOString(),
    durationS: 0,
    command,
    quick: args.quick,
    workers: args.workers,
    machine: {
      cpu: cpuModel(),
      cores: os.cpus().length,
      ramGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      os: `${os.type()} ${os.release()}`,
      busyBeforeRun,
      loadAvgBeforeRun,
    },
    versions: {
      yjs: version('yjs'),
      '@y/websocket-server': version('@y/websocket-server'),
      '@hocuspocus/server': version('@hocuspocus/server'),
      'socket.io (Coalesce)': version('socket.io'),
      'y-websocket / @hocuspocus/provider / socket.io-client (clients)': `${version('y-websocket')} / ${version('@hocuspocus/provider')} / ${version('socket.io-client')}`,
    },
    commit: commit(),
    servers: args.servers,
    s1: [],
    s2: [],
    s3: [],
    s4: [],
    targets: [],
  };
  if (busyBeforeRun > 0.25 * results.machine.cores)
    log(
      `WARNING: ${busyBeforeRun.toFixed(2)} of ${results.machine.cores} cores were busy with other work before the run; figures will be noisy`,
    );
  log(
    `run ${runId}: scenarios ${args.scenarios.join(',')}, servers ${args.servers.map((s) => SERVER_LABEL[s]).join(', ')}${args.quick ? ' (quick)' : ''}; logs in ${logDir}`,
  );

  try {
    if (args.selftest) {
      // The harness must fail a run in which a receiver gets nothing (never report 0 ms).
      log('self-test: S1 10×10 on y-websocket, normal and with one deaf receiver');
      const quickOpts = { ...opts, quick: true, full: false };
      const cfg = { docs: 10, perDoc: 10, mode: 'raw' as const };
      const normal = await runS1('ywebsocket', cfg, start, quickOpts);
      const deaf = await runS1('ywebsocket', cfg, start, quickOpts, 3);
      const expectedMissing = (deaf.updatesSent ?? 0) / 10; // the deaf client's doc: 9 senders of 100 clients
      results.selfTest = [
        {
          name: 'normal run passes, deliveries counted = updates × receivers',
          passed:
            normal.ok === true &&
            normal.deliveriesCounted === normal.deliveriesExpected &&
            normal.deliveriesExpected === (normal.updatesSent ?? -1) * 9,
          detail: `${normal.deliveriesCounted} / ${normal.deliveriesExpected} deliveries of ${normal.updatesSent} updates`,
        },
        {
          name: 'a receiver that never receives fails the run',
          passed: deaf.ok === false && (deaf.missing ?? 0) > 0,
          detail: `ok=${deaf.ok}, missing ${deaf.missing} (about ${Math.round(expectedMissing * 0.9)} expected), ${(deaf.failures ?? []).join('; ')}`,
        },
      ];
      for (const s of results.selfTest)
        log(`  ${s.passed ? 'passed' : 'FAILED'}: ${s.name} (${s.detail})`);
      if (!results.selfTest.every((s) => s.passed)) throw new Error('harness self-test failed');
    }

    if (args.scenarios.includes('S1')) {
      for (const cfg of s1Configs(opts)) {
        for (const kind of args.servers) {
          log(`S1 ${cfg.docs}×${cfg.perDoc} ${cfg.mode} — ${SERVER_LABEL[kind]}`);
          const r = await guarded(kind, `S1 ${cfg.docs}×${cfg.perDoc}`, () =>
            runS1(kind, cfg, start, opts),
          );
          results.s1.push(r);
          log(
            r.ok
              ? `    p50 ${r.allSeen!.p50.toFixed(1)} / p99 ${r.allSeen!.p99.toFixed(1)} / max ${r.allSeen!.max.toFixed(1)} ms, ${r.deliveriesCounted}/${r.deliveriesExpected} deliveries, server CPU ${Math.round(100 * r.serverCpu!)}%`
              : `    FAILED: ${r.error ?? (r.failures ?? []).join('; ')}`,
          );
        }
      }
    }
    if (args.scenarios.includes('S2')) {
      for (const kind of args.servers) {
        log(`S2 saturation — ${SERVER_LABEL[kind]}`);
        const r = await guarded(kind, 'S2', () => runS2(kind, start, opts));
        results.s2.push(r);
        log(
          r.error
            ? `    ERROR: ${r.error}`
            : `    max sustained ${Math.round(r.maxSustained)} updates/s`,
        );
      }
    }
    if (args.scenarios.includes('S3')) {
      for (const kind of args.servers) {
        log(`S3 cold load — ${SERVER_LABEL[kind]}`);
        const r = await guarded(kind, 'S3', () => runS3(kind, start, opts));
        results.s3.push(r);
        log(
          r.error
            ? `    ERROR: ${r.error}`
            : `    sync median ${r.syncMedian.toFixed(2)} ms (${r.loadedFrom})`,
        );
      }
    }
    if (args.scenarios.includes('S4')) {
      for (const kind of args.servers) {
        log(`S4 idle connections — ${SERVER_LABEL[kind]}`);
        const r = await guarded(kind, 'S4', () => runS4(kind, start, opts));
        results.s4.push(r);
        if (r.error) log(`    ERROR: ${r.error}`);
      }
    }
  } finally {
    await cleanup();
  }

  results.durationS = (Date.now() - t0) / 1000;
  results.targets = args.servers.includes('coalesce') ? checkTargets(results) : [];
  mkdirSync(RESULTS_DIR, { recursive: true });
  const jsonFile = join(RESULTS_DIR, `${runId}.json`);
  writeFileSync(jsonFile, JSON.stringify(results, null, 2));
  console.log('\n' + printTables(results) + '\n');
  console.log(`results: ${jsonFile}`);
  if (writeDocs) {
    writeBenchmarksDoc(markdown(results));
    console.log('wrote docs/benchmarks.md');
  } else console.log('docs/benchmarks.md not written (only full runs write it; --docs forces it)');
  console.log(
    `${starts} server starts, total ${Math.floor(results.durationS / 60)} min ${Math.round(results.durationS % 60)} s`,
  );
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
