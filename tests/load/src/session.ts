/**
 * A write-load session (S1, S2): documents × clients spread over worker processes, then one or
 * more paced steps. Each step merges what the workers report and checks it: every update sent in
 * the measurement window must have reached every other client of its document, exactly once.
 */
import { join } from 'node:path';
import type { ClientMode, Target } from './clients/types.js';
import { nowUs, sleepUntilUs } from './lib/clock.js';
import { DIST } from './lib/paths.js';
import {
  CpuMeter,
  cpuPressure,
  cpuSeconds,
  cpuSecondsByProcess,
  machineBusySeconds,
  ProcessSetCpuMeter,
  rssBytes,
} from './lib/proc.js';
import { WorkerHandle } from './lib/rpc.js';
import { summarize, type Summary } from './lib/stats.js';
import type { ServerHandle } from './servers/launch.js';
import type { ClientSpec, ConnectResult, RunResult } from './worker.js';

export interface SessionConfig {
  docs: number;
  perDoc: number;
  mode: ClientMode;
  workers: number;
  /** Self-test: this client ignores everything it receives (the step must then fail). */
  deafClient?: number;
}

export interface StepConfig {
  ratePerClient: number;
  warmupMs: number;
  measureMs: number;
  phase: 'random' | 'even';
  drainMaxMs: number;
  quietMs: number;
}

export interface StepResult {
  ok: boolean;
  failures: string[];
  clients: number;
  targetRate: number;
  /** Updates/s actually sent inside the window. */
  achievedRate: number;
  updatesSent: number;
  deliveriesExpected: number;
  deliveriesCounted: number;
  missing: number;
  duplicates: number;
  foreign: number;
  /** Per update: time until every other client of the document had it. */
  allSeen: Summary;
  /** Per (update, receiver) arrival. */
  delivery: Summary;
  /** Server acknowledgements (Coalesce: after the commit; Hocuspocus: after applying). */
  ack: Summary;
  ackErrors: Record<string, number>;
  sendLag: Summary;
  serverCpu: number;
  postgresCpu?: number;
  serverRssMB: number;
  generatorCpu: number[];
  /** Whole machine during the window: busy cores (all processes) and CPU pressure (% time waiting). */
  machineBusy: number;
  cpuPressure: number;
  /** Cores used by other work during the window: machine busy minus server, generator and PostgreSQL. */
  otherLoad: number;
}

/** Other work above this many cores during a window makes the figures of that window doubtful. */
export const CONTENDED_CORES = 0.3;

export class LoadSession {
  private constructor(
    private readonly server: ServerHandle,
    private readonly cfg: SessionConfig,
    private readonly workers: WorkerHandle[],
    readonly connect: { failed: string[]; connectMs: Summary; syncMs: Summary },
  ) {}

  get clients(): number {
    return this.cfg.docs * this.cfg.perDoc;
  }

  static async open(server: ServerHandle, cfg: SessionConfig): Promise<LoadSession> {
    const docNames = await server.createDocs(cfg.docs);
    const total = cfg.docs * cfg.perDoc;
    // Client i belongs to document i % docs, and runs in worker i % workers.
    const docOf = Array.from({ length: total }, (_, i) => i % cfg.docs);
    const nWorkers = Math.max(1, Math.min(cfg.workers, total));
    const workers = Array.from({ length: nWorkers }, (_, w) =>
      WorkerHandle.start(join(DIST, 'worker.js'), `worker ${w}`),
    );
    const target: Target = { kind: server.kind, port: server.port, token: server.token };
    try {
      const results = await Promise.all(
        workers.map((w, k) => {
          const clients: ClientSpec[] = [];
          for (let i = k; i < total; i += nWorkers) clients.push({ index: i, doc: docOf[i] });
          return w.call<ConnectResult>(
            'connect',
            {
              target,
              mode: cfg.mode,
              docNames,
              docOf,
              clients,
              concurrency: 20,
              deafClient: cfg.deafClient,
            },
            120_000,
          );
        }),
      );
      const failed = results.flatMap((r) => r.failed);
      const session = new LoadSession(server, cfg, workers, {
        failed,
        connectMs: summarize(results.flatMap((r) => r.connectMs)),
        syncMs: summarize(results.flatMap((r) => r.syncMs)),
      });
      if (failed.length) {
        await session.close();
        throw new Error(
          `${failed.length} clients failed to connect: ${failed.slice(0, 3).join('; ')}`,
        );
      }
      return session;
    } catch (error) {
      await Promise.all(workers.map((w) => w.stop()));
      throw error;
    }
  }

  async step(step: StepConfig): Promise<StepResult> {
    const startUs = nowUs() + 300_000;
    const windowStartUs = startUs + step.warmupMs * 1000;
    const windowEndUs = windowStartUs + step.measureMs * 1000;
    const timeoutMs = 60_000 + step.warmupMs + step.measureMs + step.drainMaxMs;
    const meter = (async () => {
      const cpu = new CpuMeter(() => cpuSeconds(this.server.pid));
      const pgCpu = new ProcessSetCpuMeter(() =>
        cpuSecondsByProcess('postgres', ` ${this.server.dbName} `),
      );
      const machine = new CpuMeter(machineBusySeconds);
      await sleepUntilUs(windowStartUs);
      cpu.start();
      machine.start();
      if (this.server.kind === 'coalesce') pgCpu.start();
      await sleepUntilUs(windowEndUs);
      return {
        serverCpu: cpu.stop(),
        postgresCpu: this.server.kind === 'coalesce' ? pgCpu.stop() : undefined,
        serverRssMB: rssBytes(this.server.pid) / 2 ** 20,
        machineBusy: machine.stop(),
        cpuPressure: cpuPressure(),
      };
    })();
    const [results, usage] = await Promise.all([
      Promise.all(
        this.workers.map((w) =>
          w.call<RunResult>(
            'run',
            {
              startUs,
              warmupMs: step.warmupMs,
              measureMs: step.measureMs,
              ratePerClient: step.ratePerClient,
              totalSenders: this.clients,
              phase: step.phase,
              drainMaxMs: step.drainMaxMs,
              quietMs: step.quietMs,
            },
            timeoutMs,
          ),
        ),
      ),
      meter,
    ]);
    const merged = this.merge(results, step);
    const ours =
      usage.serverCpu + (usage.postgresCpu ?? 0) + merged.generatorCpu.reduce((a, b) => a + b, 0);
    return { ...merged, ...usage, otherLoad: Math.max(0, usage.machineBusy - ours) };
  }

  private merge(
    results: RunResult[],
    step: StepConfig,
  ): Omit<
    StepResult,
    'serverCpu' | 'postgresCpu' | 'serverRssMB' | 'machineBusy' | 'cpuPressure' | 'otherLoad'
  > {
    const receiversPerUpdate = this.cfg.perDoc - 1;
    const agg = new Map<number, { count: number; max: number }>();
    for (const r of results) {
      for (let i = 0; i < r.aggKeys.length; i++) {
        const cur = agg.get(r.aggKeys[i]);
        if (cur) {
          cur.count += r.aggCount[i];
          if (r.aggMax[i] > cur.max) cur.max = r.aggMax[i];
        } else agg.set(r.aggKeys[i], { count: r.aggCount[i], max: r.aggMax[i] });
      }
    }
    const allSeen: number[] = [];
    let updatesSent = 0;
    let missing = 0;
    let incompleteUpdates = 0;
    const sentKeys = new Set<number>();
    for (const r of results) {
      for (let i = 0; i < r.sentKeys.length; i++) {
        const key = r.sentKeys[i];
        sentKeys.add(key);
        updatesSent++;
        const a = agg.get(key);
        const got = a?.count ?? 0;
        if (got < receiversPerUpdate) {
          missing += receiversPerUpdate - got;
          incompleteUpdates++;
        } else allSeen.push(a!.max);
      }
    }
    let unknown = 0;
    for (const key of agg.keys()) if (!sentKeys.has(key)) unknown++;
    const deliveriesCounted = results.reduce((n, r) => n + r.deliveries.length, 0);
    const deliveriesExpected = updatesSent * receiversPerUpdate;
    const deliveries = new Float64Array(deliveriesCounted);
    let off = 0;
    for (const r of results) {
      deliveries.set(r.deliveries, off);
      off += r.deliveries.length;
    }
    const acks = results.flatMap((r) => Array.from(r.acks));
    const ackErrors: Record<string, number> = {};
    for (const r of results)
      for (const [k, v] of Object.entries(r.ackErrors)) ackErrors[k] = (ackErrors[k] ?? 0) + v;
    const closed = results.flatMap((r) => r.closed);
    const pendingAcks = results.reduce((n, r) => n + r.pendingAcks, 0);
    const foreign = results.reduce((n, r) => n + r.foreign, 0);
    const duplicates = results.reduce((n, r) => n + r.duplicates, 0);

    const failures: string[] = [];
    if (updatesSent === 0) failures.push('no update was sent in the measurement window');
    if (missing > 0)
      failures.push(
        `${missing} of ${deliveriesExpected} deliveries missing ${step.drainMaxMs / 1000} s after the last send (${incompleteUpdates} updates did not reach every receiver)`,
      );
    if (deliveriesCounted !== deliveriesExpected - missing || unknown > 0)
      failures.push(
        `delivery count mismatch: counted ${deliveriesCounted}, expected ${deliveriesExpected - missing}, ${unknown} unknown updates`,
      );
    if (foreign > 0) failures.push(`${foreign} updates arrived in the wrong document`);
    if (duplicates > 0) failures.push(`${duplicates} duplicate deliveries`);
    const nAckErrors = Object.values(ackErrors).reduce((a, b) => a + b, 0);
    if (nAckErrors > 0)
      failures.push(
        `${nAckErrors} error acks: ${JSON.stringify(ackErrors)}; first: ${results
          .flatMap((r) => r.firstErrors)
          .slice(0, 2)
          .join(' | ')}`,
      );
    if (pendingAcks > 0)
      failures.push(
        `${pendingAcks} updates not acknowledged ${step.drainMaxMs / 1000} s after the last send`,
      );
    if (closed.length > 0)
      failures.push(`${closed.length} connections closed: ${closed.slice(0, 3).join('; ')}`);

    return {
      ok: failures.length === 0,
      failures,
      clients: this.clients,
      targetRate: step.ratePerClient * this.clients,
      achievedRate: updatesSent / (step.measureMs / 1000),
      updatesSent,
      deliveriesExpected,
      deliveriesCounted,
      missing,
      duplicates,
      foreign,
      allSeen: summarize(allSeen),
      delivery: summarize(deliveries),
      ack: summarize(acks),
      ackErrors,
      sendLag: summarize(results.flatMap((r) => Array.from(r.lagMs))),
      generatorCpu: results.map((r) => r.cpu),
    };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(async (w) => {
        await w.call('closeAll', {}, 10_000).catch(() => undefined);
        await w.stop();
      }),
    );
  }
}
