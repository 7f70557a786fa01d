/**
 * A simulated user: one @coalesce/collab-client connection, one document, random inserts and
 * deletes in a Y.Text. Its Socket.IO socket is instrumented (through the client's `socketFactory`
 * option, no change to the library):
 * - every doc:update ack is recorded in the shared Ledger (updateId -> seq, with the update bytes);
 * - an incoming doc:update broadcast can be dropped on purpose (drop-broadcast scenario).
 */
import { io, type Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { CollabClient, type DocHandle } from '@coalesce/collab-client';
import type { DocUpdateBroadcast, DocUpdatePayload, PresenceState } from '@coalesce/protocol';
import { rng } from './util.js';

export interface AckRecord {
  updateId: string;
  docId: string;
  seq: number;
  /** The bytes the client sent (the server may have stored a trimmed version). */
  update: Uint8Array;
  at: number;
  phase: string;
  client: number;
}

/** Every acknowledgement seen by any client of the run. */
export class Ledger {
  phase = 'start';
  readonly acks = new Map<string, AckRecord>();
  /** The same updateId acknowledged again (a resend whose first ack was lost or late). */
  reAcks = 0;
  /** The same updateId acknowledged with two different seqs. */
  readonly seqMismatches: string[] = [];
  readonly errorAcks = new Map<string, number>();
  /** doc:update acks that never came (timeout or disconnect while in flight). */
  lostAcks = 0;
  /** Time of every ok ack (for the longest pause). */
  readonly ackTimes: number[] = [];
  /** Milliseconds from emit to ok ack, parallel to `ackTimes` (for latency percentiles). */
  readonly ackLatencies: number[] = [];
  /** Last error ack of every updateId (with its bytes), whether or not a retry succeeded later. */
  readonly refusals = new Map<string, AckRecord & { code: string }>();
  /** Time of every error ack, with its code. */
  readonly errorTimes: Array<{ at: number; code: string }> = [];

  record(
    client: number,
    payload: DocUpdatePayload,
    err: unknown,
    ack: unknown,
    latencyMs = 0,
  ): void {
    const now = Date.now();
    if (err) {
      this.lostAcks++;
      return;
    }
    const a = ack as { ok?: boolean; seq?: number; error?: { code?: string } } | null;
    if (a?.ok === true && typeof a.seq === 'number') {
      this.ackTimes.push(now);
      this.ackLatencies.push(latencyMs);
      const prior = this.acks.get(payload.updateId);
      if (prior) {
        this.reAcks++;
        if (prior.seq !== a.seq)
          this.seqMismatches.push(`${payload.updateId}: ${prior.seq} then ${a.seq}`);
        return;
      }
      this.acks.set(payload.updateId, {
        updateId: payload.updateId,
        docId: payload.docId,
        seq: a.seq,
        update: new Uint8Array(payload.update),
        at: now,
        phase: this.phase,
        client,
      });
    } else {
      const code = a?.error?.code ?? 'MALFORMED_ACK';
      // The last refusal of an updateId is the one that counts (e.g. UNAVAILABLE, then INTERNAL).
      this.refusals.set(payload.updateId, {
        updateId: payload.updateId,
        docId: payload.docId,
        seq: -1,
        update: new Uint8Array(payload.update),
        at: now,
        phase: this.phase,
        client,
        code,
      });
      this.errorAcks.set(code, (this.errorAcks.get(code) ?? 0) + 1);
      this.errorTimes.push({ at: now, code });
    }
  }

  ackedIn(phase: string): number {
    let n = 0;
    for (const a of this.acks.values()) if (a.phase === phase) n++;
    return n;
  }

  errorSummary(): string {
    if (!this.errorAcks.size) return 'none';
    return [...this.errorAcks].map(([code, n]) => `${code}×${n}`).join(', ');
  }
}

export interface TypistOptions {
  index: number;
  /** Origin of the API node, e.g. http://127.0.0.1:4000. */
  url: string;
  nodeName: string;
  token: string;
  userEmail: string;
  docId: string;
  ledger: Ledger;
  seed: number;
  /** Periodic doc:sync; 0 disables (drop-broadcast: every repair must come from gap detection). */
  resyncIntervalMs?: number;
}

export class Typist {
  readonly doc = new Y.Doc();
  readonly text = this.doc.getText('content');
  readonly client: CollabClient;
  readonly handle: DocHandle;
  /** Local edits made (one transaction each). */
  edits = 0;
  /** doc:update broadcasts received / dropped on purpose (with their seq). */
  broadcastsReceived = 0;
  readonly dropped: number[] = [];
  /** Permanent errors reported by the handle. */
  readonly errors: string[] = [];
  /** Connection statuses seen, in order (deduplicated runs). */
  readonly statuses: string[] = [];
  presence: PresenceState | null = null;
  /** Member count of every presence state received, in order. */
  readonly presenceHistory: number[] = [];
  /** Every disconnect of this client's socket, with Socket.IO's reason. */
  readonly disconnects: Array<{ at: number; reason: string }> = [];
  private dropNext = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly random: () => number;

  constructor(readonly options: TypistOptions) {
    this.random = rng(options.seed);
    const factory = (namespaceUrl: string, opts: object): Socket =>
      this.instrument(io(namespaceUrl, opts));
    this.client = new CollabClient({
      url: options.url,
      getToken: async () => options.token,
      socketFactory: factory,
      resyncIntervalMs: options.resyncIntervalMs ?? 60_000,
      // A killed server is back within seconds: do not let the backoff grow to 5 s.
      reconnectionDelayMs: 300,
      reconnectionDelayMaxMs: 2000,
      ackTimeoutMs: 15_000,
    });
    this.client.on('status', (s) => {
      if (this.statuses[this.statuses.length - 1] !== s) this.statuses.push(s);
    });
    this.handle = this.client.openDoc(options.docId, this.doc);
    this.handle.on('error', (e) => this.errors.push(`${e.code}: ${e.message}`));
    this.client.presence.on('state', (state) => {
      this.presence = state;
      this.presenceHistory.push(state.members.length);
    });
  }

  get index(): number {
    return this.options.index;
  }

  get docId(): string {
    return this.options.docId;
  }

  /** Drops the next `n` doc:update broadcasts of this client's document. */
  dropNextBroadcasts(n = 1): void {
    this.dropNext += n;
  }

  get dropPending(): boolean {
    return this.dropNext > 0;
  }

  joinPresence(coalitionId: string): Promise<PresenceState> {
    return this.client.presence.join(coalitionId, { page: 'documents', docId: this.docId });
  }

  /** Types at about `perSecond` edits per second (jittered) until stop(). */
  startTyping(perSecond: number): void {
    const period = 1000 / perSecond;
    const tick = () => {
      this.edit();
      this.timer = setTimeout(tick, period * (0.5 + this.random()));
    };
    this.timer = setTimeout(tick, period * this.random());
  }

  stopTyping(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One random edit in its own transaction: 70% insert of a short word, 30% delete of 1-5 chars. */
  edit(): void {
    const len = this.text.length;
    if (len > 20 && this.random() < 0.3) {
      const pos = Math.floor(this.random() * len);
      this.text.delete(pos, Math.min(len - pos, 1 + Math.floor(this.random() * 5)));
    } else {
      const word = `${String.fromCharCode(97 + (this.index % 26))}${this.edits} `;
      this.text.insert(Math.floor(this.random() * (len + 1)), word);
    }
    this.edits++;
  }

  close(): void {
    this.stopTyping();
    this.client.close();
  }

  private instrument(socket: Socket): Socket {
    const ledger = this.options.ledger;
    const index = this.options.index;
    socket.on('disconnect', (reason) => this.disconnects.push({ at: Date.now(), reason }));
    const emit = socket.emit.bind(socket) as (event: string, ...args: unknown[]) => Socket;
    // socket.timeout(ms).emit(...) sets a flag and returns the same socket, so this sees every emit.
    (socket as unknown as { emit: typeof emit }).emit = (event: string, ...args: unknown[]) => {
      const last = args[args.length - 1];
      if (event === 'doc:update' && typeof last === 'function') {
        const payload = args[0] as DocUpdatePayload;
        const callback = args.pop() as (err: unknown, ack: unknown) => void;
        const sentAt = performance.now();
        args.push((err: unknown, ack: unknown) => {
          ledger.record(index, payload, err, ack, performance.now() - sentAt);
          callback(err, ack);
        });
      }
      return emit(event, ...args);
    };
    const on = socket.on.bind(socket) as (
      event: string,
      listener: (...a: unknown[]) => void,
    ) => Socket;
    (socket as unknown as { on: typeof on }).on = (event, listener) => {
      if (event !== 'doc:update') return on(event, listener);
      return on(event, (...a: unknown[]) => {
        const message = a[0] as DocUpdateBroadcast;
        if (message?.docId === this.options.docId) {
          this.broadcastsReceived++;
          if (this.dropNext > 0) {
            this.dropNext--;
            this.dropped.push(message.seq);
            return; // lost on purpose
          }
        }
        listener(...a);
      });
    };
    return socket;
  }
}
