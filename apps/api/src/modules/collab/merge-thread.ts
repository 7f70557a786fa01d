import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import * as Y from 'yjs';
import { mergeLog } from './merge-updates.js';

export interface MergeRequest {
  id: number;
  state: Uint8Array;
  updates: Uint8Array[];
}

export type MergeReply =
  { id: number; state: Uint8Array; stateVector: Uint8Array } | { id: number; error: string };

export interface Merged {
  /** The snapshot and the log as one update. */
  state: Uint8Array;
  /** Its encoded Yjs state vector. */
  stateVector: Uint8Array;
}

/** Provider token: another worker script (tests); by default the compiled `merge-worker.js`. */
export const MERGE_WORKER_SCRIPT = Symbol('MERGE_WORKER_SCRIPT');

const COMPILED_SCRIPT = fileURLToPath(new URL('./merge-worker.js', import.meta.url));

interface Waiting {
  request: MergeRequest;
  resolve: (merged: Merged) => void;
  reject: (error: Error) => void;
}

/**
 * Merges of whole documents (compaction, the state cache catching up with its log) on one worker
 * thread: each costs the whole document, and on the event loop a large one held up every socket's
 * acks for 25–150 ms (measured in the S2 benchmark). Results are identical to `mergeLog`. Where the
 * compiled worker is not present (unit tests run the TypeScript sources) or the thread died, the
 * merge runs inline.
 */
@Injectable()
export class MergeThread implements OnApplicationShutdown {
  private readonly logger = new Logger('MergeThread');
  private readonly script: string | null;
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private closed = false;
  /** Counters for tests and metrics. */
  readonly stats = { threaded: 0, inline: 0 };

  constructor(@Optional() @Inject(MERGE_WORKER_SCRIPT) script?: string) {
    const path = script ?? COMPILED_SCRIPT;
    this.script = existsSync(path) ? path : null;
  }

  /** Whether merges run on the worker thread here. */
  get available(): boolean {
    return !this.closed && this.script !== null;
  }

  merge(state: Uint8Array, updates: Uint8Array[]): Promise<Merged> {
    const worker = this.ensureWorker();
    if (!worker) return Promise.resolve(this.inline(state, updates));
    const request: MergeRequest = { id: this.nextId++, state, updates };
    return new Promise<Merged>((resolve, reject) => {
      this.waiting.set(request.id, { request, resolve, reject });
      worker.ref();
      worker.postMessage(request);
    });
  }

  async onApplicationShutdown(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    await worker.terminate();
    this.lost(worker, new Error('shut down'));
  }

  private inline(state: Uint8Array, updates: Uint8Array[]): Merged {
    this.stats.inline += 1;
    const merged = mergeLog(state, updates);
    return { state: merged, stateVector: Y.encodeStateVectorFromUpdate(merged) };
  }

  private ensureWorker(): Worker | null {
    if (this.worker) return this.worker;
    if (!this.available) return null;
    const worker = new Worker(this.script!);
    worker.unref();
    worker.on('message', (reply: MergeReply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`merge thread exited (${code})`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: MergeReply): void {
    const waiting = this.waiting.get(reply.id);
    if (!waiting) return;
    this.waiting.delete(reply.id);
    if (!this.waiting.size) this.worker?.unref();
    if ('error' in reply) {
      waiting.reject(new Error(reply.error));
      return;
    }
    this.stats.threaded += 1;
    waiting.resolve({ state: reply.state, stateVector: reply.stateVector });
  }

  /** The thread died: what it was doing is merged inline; the next merge starts a new thread. */
  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (!this.closed) this.logger.warn(`merge thread lost: ${error.message}`);
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const { request, resolve, reject } of pending) {
      try {
        resolve(this.inline(request.state, request.updates));
      } catch (failure) {
        reject(failure as Error);
      }
    }
  }
}
