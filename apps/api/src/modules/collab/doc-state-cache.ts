import * as Y from 'yjs';
import { mergeLog } from './merge-updates.js';
import { takeUpdateMeta } from './update-validation.js';

/** Merged state of a document up to `seq`, with updates appended since (merged lazily). */
export interface CachedState {
  state: Uint8Array;
  seq: number;
  tail: Uint8Array[];
  bytes: number;
  /**
   * Clock per client of everything committed (`state` + `tail`); computed on first use and moved
   * forward by `append`. Used to trim what an incoming update repeats.
   */
  sv: Map<number, number> | null;
  /** A background merge of `state` with the first part of `tail` is running. */
  squashing: boolean;
}

/** Merges a state with later updates off the event loop (resolves to the merged state). */
export type BackgroundMerge = (state: Uint8Array, updates: Uint8Array[]) => Promise<Uint8Array>;

/**
 * A bounded LRU of merged document states (by bytes). Nothing here is needed for correctness: a
 * miss or an eviction only costs a read from PostgreSQL. Memory stays flat however many documents
 * are opened and closed.
 */
export class DocStateCache {
  private readonly entries = new Map<string, CachedState>();
  private total = 0;

  /**
   * `backgroundMerge`: when given, a tail that outgrows the state is merged in the background
   * (readers that need the merged state before it is done merge inline, as without it).
   */
  constructor(
    private readonly budgetBytes: number,
    private readonly backgroundMerge: BackgroundMerge | null = null,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.total;
  }

  /** The entry with its tail merged in, refreshed as most recently used. */
  get(docId: string): CachedState | undefined {
    const entry = this.entries.get(docId);
    if (!entry) return undefined;
    this.entries.delete(docId);
    this.entries.set(docId, entry);
    if (entry.tail.length) this.squash(entry);
    return entry;
  }

  /** `sv`: the state vector of `state` when the caller already knows it (else computed on use). */
  set(docId: string, state: Uint8Array, seq: number, sv: Map<number, number> | null = null): void {
    // A read that started before the latest commits must not replace the fresher entry.
    const existing = this.entries.get(docId);
    if (existing && existing.seq > seq) return;
    this.delete(docId);
    if (state.byteLength > this.budgetBytes / 4) return;
    const entry: CachedState = {
      state,
      seq,
      tail: [],
      bytes: state.byteLength,
      sv,
      squashing: false,
    };
    this.entries.set(docId, entry);
    this.total += entry.bytes;
    this.evict();
  }

  /** Appends committed updates when they directly follow the cached seq; otherwise drops the entry. */
  append(docId: string, firstSeq: number, updates: Uint8Array[]): void {
    const entry = this.entries.get(docId);
    if (!entry) return;
    if (firstSeq !== entry.seq + 1) {
      this.delete(docId);
      return;
    }
    for (const update of updates) {
      entry.tail.push(update);
      entry.bytes += update.byteLength;
      this.total += update.byteLength;
    }
    entry.seq += updates.length;
    if (entry.sv) for (const update of updates) this.advance(docId, update);
    // Merging costs the whole document, so it waits until the tail outweighs the state.
    if (entry.bytes - entry.state.byteLength > Math.max(256 * 1024, entry.state.byteLength))
      this.squashSoon(docId, entry);
    this.evict();
  }

  /**
   * Merges the tail as it is now into the state in the background; updates appended meanwhile stay
   * in the tail. Dropped if the entry was replaced, evicted or squashed inline in between.
   */
  private squashSoon(docId: string, entry: CachedState): void {
    if (!this.backgroundMerge) {
      this.squash(entry);
      return;
    }
    if (entry.squashing) return;
    entry.squashing = true;
    const base = entry.state;
    const merging = entry.tail.length;
    this.backgroundMerge(base, entry.tail.slice()).then(
      (merged) => {
        entry.squashing = false;
        if (this.entries.get(docId) !== entry || entry.state !== base) return;
        const rest = entry.tail.slice(merging);
        const bytes = rest.reduce((n, u) => n + u.byteLength, merged.byteLength);
        this.total += bytes - entry.bytes;
        entry.state = merged;
        entry.tail = rest;
        entry.bytes = bytes;
        this.evict();
      },
      () => {
        entry.squashing = false;
      },
    );
  }

  /** The state vector of the cached document (committed and queued updates), or undefined when not cached. */
  stateVector(docId: string): Map<number, number> | undefined {
    const entry = this.entries.get(docId);
    if (!entry) return undefined;
    if (!entry.sv) {
      const merged = mergeLog(entry.state, entry.tail);
      entry.sv = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged));
    }
    return entry.sv;
  }

  /** Moves the state vector past a committed update (contiguous ranges only). */
  private advance(docId: string, update: Uint8Array): void {
    const sv = this.stateVector(docId);
    if (sv) advanceStateVector(sv, update);
  }

  delete(docId: string): void {
    const entry = this.entries.get(docId);
    if (!entry) return;
    this.entries.delete(docId);
    this.total -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  private squash(entry: CachedState): void {
    const merged = mergeLog(entry.state, entry.tail);
    this.total += merged.byteLength - entry.bytes;
    entry.state = merged;
    entry.tail = [];
    entry.bytes = merged.byteLength;
  }

  private evict(): void {
    for (const [docId] of this.entries) {
      if (this.total <= this.budgetBytes) break;
      this.delete(docId);
    }
  }
}

/**
 * Moves `sv` past an update that continues it (the admission guarantees every stored update does:
 * each client's structs start at or before the known clock). Returns false, leaving `sv` as it was
 * for that client, when an update does not continue it.
 */
export function advanceStateVector(sv: Map<number, number>, update: Uint8Array): boolean {
  const { from, to } = takeUpdateMeta(update);
  let contiguous = true;
  for (const [client, start] of from) {
    const known = sv.get(client) ?? 0;
    if (start <= known) sv.set(client, Math.max(known, to.get(client) ?? known));
    else contiguous = false;
  }
  return contiguous;
}
