/**
 * The four scenarios. Each runs against one server at a time (a fresh server process per scenario
 * configuration), and returns plain JSON-able results.
 */
import { join } from 'node:path';
import type { ClientMode, ServerKind, Target } from './clients/types.js';
import { sleep } from './lib/clock.js';
import { measureCommitFloor } from './lib/commit-floor.js';
import { DIST } from './lib/paths.js';
import { rssBytes, waitForIdleMachine } from './lib/proc.js';
import { WorkerHandle } from './lib/rpc.js';
import { median, summarize, type Summary } from './lib/stats.js';
import { CONTENDED_CORES, LoadSession, type StepResult } from './session.js';
import type { ServerHandle } from './servers/launch.js';
import type { ConnectResult } from './worker.js';

export interface Options {
  quick: boolean;
  workers: number;
  full: boolean;
  log: (msg: string) => void;
  /** Re-runs left for this run (after a busy machine or an infrastructure error); shared, bounded. */
  retries: { left: number };
}

/** Starts a fresh server of the given kind (Coalesce: a new API process on the run's database). */
export type StartServer = (kind: ServerKind) => Promise<ServerHandle>;

// ---------------------------------------------------------------------------------------------
// S1 fan-out latency

export interface S1Config {
  docs: number;
  perDoc: number;
  mode: ClientMode;
}

export interface S1Result extends Partial<StepResult> {
  /** Other work on the machine used more than CONTENDED_CORES during the window. */
  contended?: boolean;
  config: string;
  mode: ClientMode;
  server: ServerKind;
  error?: string;
  note?: string;
  connectMs?: Summary;
  syncMs?: Summary;
  /** Coalesce: one PostgreSQL commit alone at the configuration's pace, on the quiet machine. */
  commitFloor?: Summary;
}

export function s1Configs(opts: Options): S1Config[] {
  const configs: S1Config[] = [
    { docs: 1, perDoc: 50, mode: 'raw' },
    { docs: 10, perDoc: 10, mode: 'raw' },
    { docs: 50, perDoc: 4, mode: 'raw' },
  ];
  if (opts.full) configs.push({ docs: 10, perDoc: 10, mode: 'full' });
  return configs;
}

export async function runS1(
  kind: ServerKind,
  cfg: S1Config,
  start: StartServer,
  opts: Options,
  deafClient?: number,
): Promise<S1Result> {
  const config = `${cfg.docs}×${cfg.perDoc}`;
  const base = { config, mode: cfg.mode, server: kind };
  let server: ServerHandle;
  try {
    server = await start(kind);
  } catch (error) {
    return { ...base, ok: false, error: `server start: ${(error as Error).message}` };
  }
  try {
    const session = await LoadSession.open(server, { ...cfg, workers: opts.workers, deafClient });
    let result: S1Result;
    try {
      const step = await session.step({
        ratePerClient: 2,
        warmupMs: opts.quick ? 1000 : 3000,
        measureMs: opts.quick ? 4000 : 15000,
        phase: 'random',
        drainMaxMs: 5000,
        quietMs: 1000,
      });
      result = {
        ...base,
        ...step,
        contended: step.otherLoad > CONTENDED_CORES,
        connectMs: session.connect.connectMs,
        syncMs: session.connect.syncMs,
      };
    } finally {
      await session.close();
    }
    if (server.dbUrl && deafClient === undefined) {
      // A reference figure only: if it cannot be taken, the run itself still stands.
      try {
        result.commitFloor = await measureCommitFloor(
          server.dbUrl,
          cfg.docs * cfg.perDoc * 2,
          opts.quick ? 2000 : 5000,
        );
      } catch (error) {
        result.note = `commit floor not measured: ${(error as Error).message}`;
      }
    }
    return result;
  } catch (error) {
    return { ...base, ok: false, error: (error as Error).message };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// S2 saturation

export interface S2Result {
  server: ServerKind;
  clients: number;
  /** Highest achieved rate of a step with p99 ≤ 100 ms and no error; 0 if none. */
  maxSustained: number;
  stopReason: string;
  steps: Array<
    Pick<
      StepResult,
      | 'ok'
      | 'failures'
      | 'targetRate'
      | 'achievedRate'
      | 'allSeen'
      | 'delivery'
      | 'ack'
      | 'serverCpu'
      | 'postgresCpu'
      | 'generatorCpu'
      | 'sendLag'
      | 'missing'
      | 'machineBusy'
      | 'cpuPressure'
      | 'otherLoad'
    > & { passed: boolean; contended: boolean }
  >;
  error?: string;
  note?: string;
}

export const S2_P99_LIMIT_MS = 100;
/**
 * Every new server process first carries this rate, unmeasured, so that steps measure the server's
 * sustained rate rather than its first seconds of running cold code (JIT). Measured here without
 * it: a fresh Coalesce process failed its first step of 1,000/s in 8 of 15 runs (and was then
 * capped at 750/s by the fallback steps); in the other runs the same code sustained 3,000/s.
 */
export const S2_WARMUP_RATE = 500;

export async function runS2(
  kind: ServerKind,
  start: StartServer,
  opts: Options,
): Promise<S2Result> {
  const clients = 20;
  const result: S2Result = { server: kind, clients, maxSustained: 0, stopReason: '', steps: [] };
  let server: ServerHandle | null = null;
  let session: LoadSession | null = null;
  /** A fresh server process and session (at the start, and after a failed step). */
  const fresh = async (): Promise<LoadSession> => {
    await session?.close();
    session = null;
    await server?.stop();
    server = null;
    server = await start(kind);
    session = await LoadSession.open(server, {
      docs: 1,
      perDoc: clients,
      mode: 'raw',
      workers: opts.workers,
    });
    await session.step({
      ratePerClient: S2_WARMUP_RATE / clients,
      warmupMs: opts.quick ? 1000 : 3000,
      measureMs: 500,
      phase: 'even',
      drainMaxMs: 8000,
      quietMs: 500,
    });
    return session;
  };
  try {
    let s = await fresh();
    const coarse = opts.quick ? 2000 : 1000;
    const maxRate = 20_000;
    const tryRate = async (rate: number, retry = true): Promise<boolean> => {
      const step = await s.step({
        ratePerClient: rate / clients,
        warmupMs: opts.quick ? 500 : 1000,
        measureMs: opts.quick ? 1500 : 3000,
        phase: 'even',
        drainMaxMs: 8000,
        quietMs: 500,
      });
      const underLimit = step.allSeen.p99 <= S2_P99_LIMIT_MS;
      // The generator must have produced the rate (else the step says nothing about the server).
      const rateReached = step.achievedRate >= 0.95 * rate;
      const passed = step.ok && underLimit && rateReached;
      const contended = step.otherLoad > CONTENDED_CORES;
      result.steps.push({
        ok: step.ok,
        passed,
        failures: [
          ...step.failures,
          ...(underLimit ? [] : [`p99 ${step.allSeen.p99.toFixed(1)} ms > ${S2_P99_LIMIT_MS} ms`]),
          ...(rateReached ? [] : [`only ${Math.round(step.achievedRate)}/s sent`]),
        ],
        targetRate: rate,
        achievedRate: step.achievedRate,
        allSeen: step.allSeen,
        delivery: step.delivery,
        ack: step.ack,
        serverCpu: step.serverCpu,
        postgresCpu: step.postgresCpu,
        generatorCpu: step.generatorCpu,
        sendLag: step.sendLag,
        missing: step.missing,
        machineBusy: step.machineBusy,
        cpuPressure: step.cpuPressure,
        otherLoad: step.otherLoad,
        contended,
      });
      opts.log(
        `    S2 ${kind} ${rate}/s: p99 ${step.allSeen.p99.toFixed(1)} ms, sent ${Math.round(step.achievedRate)}/s, server CPU ${(100 * step.serverCpu).toFixed(0)}% ${passed ? 'ok' : 'FAIL ' + result.steps.at(-1)!.failures.join('; ')}`,
      );
      if (passed) result.maxSustained = Math.max(result.maxSustained, step.achievedRate);
      else result.stopReason = result.steps.at(-1)!.failures.join('; ');
      if (!passed && contended && retry && opts.retries.left > 0) {
        opts.retries.left--;
        // Other work on the machine took ${step.otherLoad} cores: wait for quiet, then once more.
        opts.log(
          `    other work used ${step.otherLoad.toFixed(2)} cores during that step; retrying it once the machine is quiet`,
        );
        await waitForIdleMachine(60_000);
        s = await fresh();
        return tryRate(rate, false);
      }
      return passed;
    };
    // Coarse steps until the first failure...
    let lastPass = 0;
    let firstFail = 0;
    for (let rate = coarse; rate <= maxRate; rate += coarse) {
      if (await tryRate(rate)) lastPass = rate;
      else {
        firstFail = rate;
        break;
      }
    }
    if (!firstFail) result.stopReason = `reached the harness maximum of ${maxRate}/s`;
    else {
      // ...then, on a fresh server (an overloaded one may still be busy), finer steps upwards
      // from the last pass; below the first coarse step, down to 50 updates/s.
      const fine =
        lastPass > 0
          ? Array.from({ length: 3 }, (_, i) => lastPass + (i + 1) * (coarse / 4))
          : [50, 100, 250, 500, 750].filter((r) => r < firstFail);
      if (!opts.quick || lastPass === 0) {
        s = await fresh();
        for (const rate of fine) if (!(await tryRate(rate))) break;
      }
    }
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    await (session as LoadSession | null)?.close();
    await (server as ServerHandle | null)?.stop();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// S3 cold load

export interface S3Result {
  server: ServerKind;
  updates: number;
  textLength?: number;
  stateBytes?: number;
  buildMs?: number;
  /** Loaded from memory (references) or from PostgreSQL after a restart (Coalesce). */
  loadedFrom: string;
  /** Sync time (from transport connected to full state received) of each measured sample. */
  syncMs: number[];
  connectMs: number[];
  totalMs: number[];
  syncMedian: number;
  totalMedian: number;
  /** Coalesce: the same document opened again by new clients in the same process (cache warm). */
  warmSyncMs?: number[];
  warmSyncMedian?: number;
  serverRssMB?: number;
  error?: string;
  note?: string;
}

const S3_BUILDERS = 10;

export async function runS3(
  kind: ServerKind,
  start: StartServer,
  opts: Options,
): Promise<S3Result> {
  const perBuilder = 1000; // 10 × 1,000 = 10,000 updates
  const samples = opts.quick ? 3 : 10;
  const restarts = opts.quick ? 1 : 3;
  const result: S3Result = {
    server: kind,
    updates: S3_BUILDERS * perBuilder,
    loadedFrom: kind === 'coalesce' ? 'PostgreSQL, after a server restart' : 'memory',
    syncMs: [],
    connectMs: [],
    totalMs: [],
    syncMedian: NaN,
    totalMedian: NaN,
  };
  let server: ServerHandle;
  try {
    server = await start(kind);
  } catch (error) {
    return { ...result, error: `server start: ${(error as Error).message}` };
  }
  const worker = WorkerHandle.start(join(DIST, 'worker.js'), 'worker S3');
  try {
    const [docName, warmDoc] = await server.createDocs(2);
    const targetOf = (s: ServerHandle): Target => ({ kind, port: s.port, token: s.token });
    const build = await worker.call<{
      updates: number;
      textLength: number;
      stateBytes: number;
      buildMs: number;
    }>(
      's3Build',
      {
        target: targetOf(server),
        docName,
        builders: S3_BUILDERS,
        perBuilder,
        ratePerBuilder: 400, // under Coalesce's 500 updates/s per socket
        seed: 42,
        keepHolder: kind !== 'coalesce',
      },
      400_000,
    );
    Object.assign(result, {
      updates: build.updates,
      textLength: build.textLength,
      stateBytes: build.stateBytes,
      buildMs: build.buildMs,
    });
    opts.log(
      `    S3 ${kind}: built ${build.updates} updates (${build.textLength} chars) in ${(build.buildMs / 1000).toFixed(1)} s`,
    );
    type Measure = { connectMs: number[]; syncMs: number[]; totalMs: number[]; bytes: number };
    const measure = (doc: string, n: number, firstIndex: number) =>
      worker.call<Measure>(
        's3Measure',
        { target: targetOf(server), docName: doc, samples: n, firstIndex },
        120_000,
      );
    if (kind === 'coalesce') {
      await worker.call(
        's3Build',
        {
          target: targetOf(server),
          docName: warmDoc,
          builders: 1,
          perBuilder: 20,
          ratePerBuilder: 200,
          seed: 7,
          keepHolder: false,
        },
        60_000,
      );
      await worker.call('closeAll', {}, 10_000);
      for (let r = 0; r < restarts; r++) {
        await server.stop();
        server = await start(kind);
        // Warm the new process's code paths and database pool on another document first.
        await measure(warmDoc, 1, 2e6 + r * 100);
        const m = await measure(docName, 1, 3e6 + r * 100);
        result.syncMs.push(...m.syncMs);
        result.connectMs.push(...m.connectMs);
        result.totalMs.push(...m.totalMs);
      }
      const warm = await measure(docName, samples, 4e6);
      result.warmSyncMs = warm.syncMs;
      result.warmSyncMedian = median(warm.syncMs);
    } else {
      const m = await measure(docName, samples, 2e6);
      result.syncMs = m.syncMs;
      result.connectMs = m.connectMs;
      result.totalMs = m.totalMs;
    }
    result.syncMedian = median(result.syncMs);
    result.totalMedian = median(result.totalMs);
    result.serverRssMB = rssBytes(server.pid) / 2 ** 20;
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    await worker.call('closeAll', {}, 10_000).catch(() => undefined);
    await worker.stop();
    await server.stop();
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// S4 idle connections

export interface S4Level {
  clients: number;
  rssMB: number;
  deltaMB: number;
  perClientKB: number;
  alive: number;
}

export interface S4Result {
  server: ServerKind;
  docs: number;
  baselineRssMB: number;
  levels: S4Level[];
  connectMs?: Summary;
  error?: string;
  note?: string;
}

async function settledRss(pid: number): Promise<number> {
  await sleep(3000);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssBytes(pid));
    await sleep(300);
  }
  return median(samples);
}

export async function runS4(
  kind: ServerKind,
  start: StartServer,
  opts: Options,
): Promise<S4Result> {
  const levels = opts.quick ? [100, 200] : [500, 1000, 2000];
  const docs = 10;
  const result: S4Result = { server: kind, docs, baselineRssMB: NaN, levels: [] };
  let server: ServerHandle;
  try {
    server = await start(kind);
  } catch (error) {
    return { ...result, error: `server start: ${(error as Error).message}` };
  }
  const worker = WorkerHandle.start(join(DIST, 'worker.js'), 'worker S4');
  try {
    const docNames = await server.createDocs(docs);
    const maxClients = docs + levels[levels.length - 1];
    const docOf = Array.from({ length: maxClients }, (_, i) => i % docs);
    const target: Target = { kind, port: server.port, token: server.token };
    const connect = async (from: number, to: number) => {
      const clients = [];
      for (let i = from; i < to; i++) clients.push({ index: i, doc: docOf[i] });
      const r = await worker.call<ConnectResult>(
        'connect',
        { target, mode: 'raw', docNames, docOf, clients, concurrency: 25 },
        300_000,
      );
      if (r.failed.length)
        throw new Error(`${r.failed.length} clients failed: ${r.failed.slice(0, 3).join('; ')}`);
      return r;
    };
    await worker.call('startKeepAlive', { everyMs: 20_000 }, 5000);
    // One holder per document first, so the baseline includes the loaded documents.
    await connect(0, docs);
    const base = await settledRss(server.pid);
    result.baselineRssMB = base / 2 ** 20;
    let connected = 0;
    const connectTimes: number[] = [];
    for (const level of levels) {
      const r = await connect(docs + connected, docs + level);
      connectTimes.push(...r.connectMs.map((c, i) => c + r.syncMs[i]));
      connected = level;
      const rss = await settledRss(server.pid);
      const status = await worker.call<{ alive: number; total: number; closed: string[] }>(
        'status',
        {},
        5000,
      );
      if (status.alive !== docs + level)
        throw new Error(
          `${docs + level - status.alive} connections dropped: ${status.closed.slice(0, 3).join('; ')}`,
        );
      result.levels.push({
        clients: level,
        rssMB: rss / 2 ** 20,
        deltaMB: (rss - base) / 2 ** 20,
        perClientKB: (rss - base) / level / 1024,
        alive: status.alive - docs,
      });
      opts.log(
        `    S4 ${kind} ${level} clients: RSS ${(rss / 2 ** 20).toFixed(1)} MB, ${((rss - base) / level / 1024).toFixed(1)} KB per connection`,
      );
    }
    result.connectMs = summarize(connectTimes);
  } catch (error) {
    result.error = (error as Error).message;
  } finally {
    await worker.call('closeAll', {}, 10_000).catch(() => undefined);
    await worker.stop();
    await server.stop();
  }
  return result;
}
