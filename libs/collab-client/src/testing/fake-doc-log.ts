import * as Y from 'yjs';

/**
 * In-memory stand-in for a document's update log: dense seqs, one stored update per updateId.
 * Test support only.
 */
export class FakeDocLog {
  seq = 0;
  /** Stored updates in seq order (index = seq - 1). */
  readonly updates: Uint8Array[] = [];
  /** updateId -> seq of the stored update. */
  readonly updateIds = new Map<string, number>();
  /** updateId -> how many times a doc:update carried it (resends included). */
  readonly received = new Map<string, number>();
  private merged: Uint8Array = Y.encodeStateAsUpdate(new Y.Doc());

  /** Stores an update unless its updateId is known; returns its seq and whether it is new. */
  append(updateId: string, update: Uint8Array): { seq: number; stored: boolean } {
    const known = this.updateIds.get(updateId);
    if (known !== undefined) return { seq: known, stored: false };
    this.seq++;
    this.updates.push(update);
    this.updateIds.set(updateId, this.seq);
    this.merged = Y.mergeUpdates([this.merged, update]);
    return { seq: this.seq, stored: true };
  }

  /** Everything the holder of `stateVector` is missing. */
  diff(stateVector?: Uint8Array): Uint8Array {
    return stateVector ? Y.diffUpdate(this.merged, stateVector) : this.merged;
  }

  stateVector(): Uint8Array {
    return Y.encodeStateVectorFromUpdate(this.merged);
  }

  /** The stored state as a fresh Y.Doc. */
  toDoc(): Y.Doc {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, this.merged);
    return doc;
  }

  /** Number of doc:update messages received for ids that were already stored. */
  get duplicates(): number {
    let count = 0;
    for (const times of this.received.values()) count += times - 1;
    return count;
  }
}
