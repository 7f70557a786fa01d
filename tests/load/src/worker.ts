/**
 * Load-generator worker process. Holds a set of clients and answers the orchestrator's calls:
 * connect clients, run a paced write load while timestamping every arrival, build and load the
 * S3 document, hold idle connections for S4. Every loop is bounded in count and time.
 */
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { createClient } from './clients/factory.js';
import type { BenchClient, ClientHooks, ClientMode, Target } from './clients/types.js';
import { nowUs, sleep, sleepUntilUs } from './lib/clock.js';
import { makeMarker, scanMarkers, updateKey } from './lib/marker.js';
import { serve } from './lib/rpc.js';
import { Samples, summarize } from './lib/stats.js';

export interface ClientSpec {
  index: number;
  doc: number;
}

export interface ConnectParams {
  target: Target;
  mode: ClientMode;
  docNames: string[];
  /** Document of every client of the run (global index -> document index), to detect cross-talk. */
  docOf: number[];
  clients: ClientSpec[];
  concurrency: number;
  /** Fault injection for the harness self-test: this client ignores everything it receives. */
  deafClient?: number;
}

export interface ConnectResult {
  connected: number;
  failed: string[];
  connectMs: number[];
  syncMs: number[];
}

export interface RunParams {
  /** Monotonic µs at which sending starts (same clock in every process). */
  startUs: number;
  warmupMs: number;
  measureMs: number;
  ratePerClient: number;
  /** Number of senders in the whole run, for evenly spread phases. */
  totalSenders: number;
  phase: 'random' | 'even';
  drainMaxMs: number;
  quietMs: number;
}

export interface RunResult {
  sentTotal: number;
  /** Keys and documents of the updates sent inside the measurement window. */
  sentKeys: Float64Array;
  sentDocs: Int32Array;
  lagMs: Float64Array;
  /** Latency of every (update, receiver) arrival of a window update. */
  deliveries: Float64Array;
  /** Per window update seen by this worker's receivers: arrivals and the latest arrival. */
  aggKeys: Float64Array;
  aggCount: Uint32Array;
  aggMax: Float64Array;
  foreign: number;
  duplicates: number;
  acks: Float64Array;
  ackErrors: Record<string, number>;
  firstErrors: string[];
  pendingAcks: number;
  closed: string[];
  cpu: number;
}

interface Entry {
  client: BenchClient;
  index: number;
  doc: number;
  seq: number;
  /** Per sender: bitset of the sequence numbers already seen (exact de-duplication). */
  seen: Map<number, Uint8Array>;
}

class RunState {
  readonly deliveries = new Samples();
  readonly agg = new Map<number, number>();
  readonly aggCount: number[] = [];
  readonly aggMax: number[] = [];
  readonly sentKeys = new Samples();
  readonly sentDocs: number[] = [];
  readonly lag = new Samples();
  readonly acks = new Samples();
  readonly ackErrors: Record<string, number> = {};
  readonly firstErrors: string[] = [];
  foreign = 0;
  duplicates = 0;
  sentTotal = 0;
  lastArrivalUs = 0;
  constructor(
    readonly windowStartUs: number,
    readonly windowEndUs: number,
  ) {}
}

let target: Target | null = null;
let mode: ClientMode = 'raw';
let docNames: string[] = [];
let docOf: number[] = [];
let deafClient = -1;
const entries = new Map<BenchClient, Entry>();
const closed: string[] = [];
let run: RunState | null = null;
let keepAliveTimer: NodeJS.Timeout | null = null;

function markSeen(entry: Entry, sender: number, seq: number): boolean {
  let bits = entry.seen.get(sender);
  const byte = seq >> 3;
  if (!bits || bits.length <= byte) {
    const grown = new Uint8Array(Math.max(byte + 1, (bits?.length ?? 64) * 2));
    if (bits) grown.set(bits);
    bits = grown;
    entry.seen.set(sender, bits);
  }
  const mask = 1 << (seq & 7);
  if (bits[byte] & mask) return false;
  bits[byte] |= mask;
  return true;
}

const hooks: ClientHooks = {
  onRemoteBytes(client, bytes) {
    const t = nowUs();
    const entry = entries.get(client);
    const st = run;
    if (!entry || !st || entry.index === deafClient) return;
    scanMarkers(bytes, (sender, seq, sendUs) => {
      if (sender === entry.index) return; // own update echoed back
      if (docOf[sender] !== entry.doc) {
        st.foreign++;
        return;
      }
      if (!markSeen(entry, sender, seq)) {
        st.duplicates++;
        return;
      }
      if (sendUs < st.windowStartUs || sendUs >= st.windowEndUs) return;
      const latency = (t - sendUs) / 1000;
      st.deliveries.push(latency);
      st.lastArrivalUs = t;
      const key = updateKey(sender, seq);
      const i = st.agg.get(key);
      if (i === undefined) {
        st.agg.set(key, st.aggCount.length);
        st.aggCount.push(1);
        st.aggMax.push(latency);
      } else {
        st.aggCount[i]++;
        if (latency > st.aggMax[i]) st.aggMax[i] = latency;
      }
    });
  },
  onAck(client, sentAtMs, ok, error, detail) {
    const st = run;
    if (!st) return;
    if (ok) st.acks.push(performance.now() - sentAtMs);
    else {
      st.ackErrors[error ?? 'error'] = (st.ackErrors[error ?? 'error'] ?? 0) + 1;
      // The first refusals, for the report: which client, which of its updates, and why.
      if (st.firstErrors.length < 5) {
        const at = ((nowUs() - st.windowStartUs) / 1e6).toFixed(2);
        st.firstErrors.push(
          `client ${client.index} update #${detail?.seq ?? '?'} at ${at} s from the window start: ${error ?? 'error'} ${detail?.message ?? ''}`.trim(),
        );
      }
    }
  },
  onClosed(client, reason) {
    closed.push(`client ${client.index}: ${reason}`);
  },
};

async function connectClients(specs: ClientSpec[], concurrency: number): Promise<ConnectResult> {
  if (!target) throw new Error('no target');
  const result: ConnectResult = { connected: 0, failed: [], connectMs: [], syncMs: [] };
  let next = 0;
  const lanes = Array.from(
    { length: Math.max(1, Math.min(concurrency, specs.length)) },
    async () => {
      while (next < specs.length) {
        const spec = specs[next++];
        const client = createClient(mode, target!, spec.index, docNames[spec.doc], hooks);
        entries.set(client, { client, index: spec.index, doc: spec.doc, seq: 0, seen: new Map() });
        try {
          const t0 = performance.now();
          await client.connect();
          const t1 = performance.now();
          await client.open();
          result.syncMs.push(performance.now() - t1);
          result.connectMs.push(t1 - t0);
          result.connected++;
        } catch (error) {
          result.failed.push(`client ${spec.index}: ${(error as Error).message}`);
        }
      }
    },
  );
  await Promise.all(lanes);
  return result;
}

function closeAll(): void {
  for (const e of entries.keys()) e.close();
  entries.clear();
  if (keepAliveTimer) clearInterval(keepAliveTimer);
  keepAliveTimer = null;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const expectedByDoc = new Map<string, { text: string; sha1: string }>();

function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const s = doc.getText('t').toString();
  doc.destroy();
  return s;
}

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

process.setMaxListeners(0); // y-websocket's provider adds one exit listener per instance

serve({
  async connect(p: ConnectParams): Promise<ConnectResult> {
    target = p.target;
    mode = p.mode;
    docNames = p.docNames;
    docOf = p.docOf;
    deafClient = p.deafClient ?? -1;
    closed.length = 0;
    return connectClients(p.clients, p.concurrency);
  },

  async run(p: RunParams): Promise<RunResult> {
    const windowStartUs = p.startUs + p.warmupMs * 1000;
    const endUs = windowStartUs + p.measureMs * 1000;
    const st = new RunState(windowStartUs, endUs);
    run = st;
    const periodUs = 1e6 / p.ratePerClient;
    const rand = mulberry32(p.startUs % 2 ** 31);
    const senders = [...entries.values()]
      .sort((a, b) => a.index - b.index)
      .map((e) => ({
        e,
        next: p.startUs + (p.phase === 'even' ? e.index / p.totalSenders : rand()) * periodUs,
      }));
    // CPU of this generator process inside the measurement window only.
    let cpuAtStart: NodeJS.CpuUsage | null = null;
    let cpuFraction = NaN;
    await sleepUntilUs(p.startUs);
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = nowUs();
        for (const s of senders) {
          let burst = 0;
          while (s.next <= now && s.next < endUs && burst < 100) {
            const seq = ++s.e.seq;
            const sendUs = nowUs();
            s.e.client.insert(makeMarker(s.e.index, seq, sendUs));
            st.sentTotal++;
            if (sendUs >= windowStartUs && sendUs < endUs) {
              st.sentKeys.push(updateKey(s.e.index, seq));
              st.sentDocs.push(s.e.doc);
              st.lag.push((sendUs - s.next) / 1000);
            }
            s.next += periodUs;
            burst++;
          }
        }
        if (!cpuAtStart && now >= windowStartUs) cpuAtStart = process.cpuUsage();
        if (now >= endUs) {
          if (cpuAtStart) {
            const used = process.cpuUsage(cpuAtStart);
            cpuFraction = (used.user + used.system) / (now - windowStartUs);
          }
          resolve();
        } else setTimeout(tick, 1);
      };
      tick();
    });
    // Drain: until nothing arrived for quietMs and every ack is in, at most drainMaxMs.
    const deadline = endUs + p.drainMaxMs * 1000;
    while (nowUs() < deadline) {
      const quietUs = nowUs() - Math.max(st.lastArrivalUs, endUs);
      let pendingAcks = 0;
      for (const e of entries.keys()) pendingAcks += e.pendingAcks;
      if (quietUs > p.quietMs * 1000 && pendingAcks === 0) break;
      await sleep(20);
    }
    run = null;
    let pendingAcks = 0;
    for (const e of entries.keys()) pendingAcks += e.pendingAcks;
    const aggKeys = new Float64Array(st.agg.size);
    for (const [key, i] of st.agg) aggKeys[i] = key;
    return {
      sentTotal: st.sentTotal,
      sentKeys: st.sentKeys.toArray(),
      sentDocs: Int32Array.from(st.sentDocs),
      lagMs: st.lag.toArray(),
      deliveries: st.deliveries.toArray(),
      aggKeys,
      aggCount: Uint32Array.from(st.aggCount),
      aggMax: Float64Array.from(st.aggMax),
      foreign: st.foreign,
      duplicates: st.duplicates,
      acks: st.acks.toArray(),
      ackErrors: st.ackErrors,
      firstErrors: st.firstErrors,
      pendingAcks,
      closed: [...closed],
      cpu: cpuFraction,
    };
  },

  status() {
    let alive = 0;
    for (const e of entries.keys()) if (e.alive) alive++;
    return { total: entries.size, alive, closed: [...closed] };
  },

  /** S4: keep idle clients alive (Hocuspocus closes sockets silent for 60 s). */
  startKeepAlive({ everyMs }: { everyMs: number }) {
    if (keepAliveTimer) clearInterval(keepAliveTimer);
    keepAliveTimer = setInterval(() => {
      for (const e of entries.keys()) e.keepAlive();
    }, everyMs);
    return true;
  },

  closeAll() {
    closeAll();
    return true;
  },

  /**
   * S3: builds one document from `builders` raw clients, each inserting `perBuilder` small strings
   * at random positions of its own text (seeded, so every server gets the same document), paced at
   * `ratePerBuilder`. Waits for every ack (servers that ack), then checks with a fresh client that
   * the server's state is the expected text. Keeps builder 0 connected when `keepHolder`.
   */
  async s3Build(p: {
    target: Target;
    docName: string;
    builders: number;
    perBuilder: number;
    ratePerBuilder: number;
    seed: number;
    keepHolder: boolean;
  }) {
    target = p.target;
    mode = 'raw';
    docNames = [p.docName];
    docOf = [];
    const specs = Array.from({ length: p.builders }, (_, i) => ({ index: i, doc: 0 }));
    const conn = await connectClients(specs, p.builders);
    if (conn.failed.length) throw new Error(`builders failed: ${conn.failed.join('; ')}`);
    const builders = [...entries.values()];
    const rand = mulberry32(p.seed);
    const lengths = builders.map(() => 0);
    const t0 = performance.now();
    const periodMs = 1000 / p.ratePerBuilder;
    const ackErrors: string[] = [];
    run = null;
    const onAck = hooks.onAck;
    hooks.onAck = (_c, _t, ok, error) => {
      if (!ok) ackErrors.push(error ?? 'error');
    };
    try {
      const deadline = t0 + 300_000;
      for (let i = 0; i < p.perBuilder; i++) {
        const due = t0 + i * periodMs;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        // Flow control for servers that ack: at most 32 updates in flight per writer.
        while (builders.some((b) => b.client.pendingAcks >= 32)) {
          if (performance.now() > deadline) throw new Error('S3 build: acks stalled');
          await sleep(2);
        }
        builders.forEach((b, k) => {
          const s = `w${k}.${i} `;
          const at = Math.floor(rand() * (lengths[k] + 1));
          b.client.insert(s, at);
          lengths[k] += s.length;
        });
      }
      while (!builders.every((b) => b.client.pendingAcks === 0)) {
        if (performance.now() > deadline) throw new Error('S3 build: acks stalled');
        await sleep(20);
      }
    } finally {
      hooks.onAck = onAck;
    }
    if (ackErrors.length) throw new Error(`S3 build refused: ${ackErrors.slice(0, 5).join(', ')}`);
    const buildMs = performance.now() - t0;
    const merged = Y.mergeUpdates(
      builders.map((b) => (b.client as unknown as { ownState(): Uint8Array }).ownState()),
    );
    const text = textOf(merged);
    expectedByDoc.set(p.docName, { text, sha1: sha1(text) });
    // Check with a fresh client that the server holds exactly that document (bounded polling).
    let matched = false;
    for (let attempt = 0; attempt < 100 && !matched; attempt++) {
      const probe = createClient('raw', target, 1e6 + attempt, p.docName, hooks);
      try {
        await probe.connect();
        matched = textOf(await probe.open()) === text;
      } finally {
        probe.close();
      }
      if (!matched) await sleep(200);
    }
    if (!matched) throw new Error('server state never matched the built document');
    for (const b of builders.slice(p.keepHolder ? 1 : 0)) {
      b.client.close();
      entries.delete(b.client);
    }
    return {
      updates: p.builders * p.perBuilder,
      textLength: text.length,
      stateBytes: merged.length,
      buildMs,
    };
  },

  /** S3: `samples` fresh clients, one after the other: connect, sync, verify the content. */
  async s3Measure(p: { target: Target; docName: string; samples: number; firstIndex: number }) {
    const expected = expectedByDoc.get(p.docName);
    if (!expected) throw new Error('document was not built by this worker');
    const out = {
      connectMs: [] as number[],
      syncMs: [] as number[],
      totalMs: [] as number[],
      bytes: 0,
    };
    for (let i = 0; i < p.samples; i++) {
      const client = createClient('raw', p.target, p.firstIndex + i, p.docName, hooks);
      try {
        const t0 = performance.now();
        await client.connect();
        const t1 = performance.now();
        const state = await client.open();
        const t2 = performance.now();
        const text = textOf(state);
        if (text.length !== expected.text.length || sha1(text) !== expected.sha1) {
          throw new Error(
            `sample ${i}: received ${text.length} chars, expected ${expected.text.length} (content differs)`,
          );
        }
        out.connectMs.push(t1 - t0);
        out.syncMs.push(t2 - t1);
        out.totalMs.push(t2 - t0);
        out.bytes = state.length;
      } finally {
        client.close();
      }
      await sleep(50);
    }
    return out;
  },

  /** Summary helper for quick checks from the orchestrator. */
  summarize(values: number[]) {
    return summarize(values);
  },
});
