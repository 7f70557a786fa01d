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

  /**
   * Stores an update like the real server: a known updateId is a no-op answered with its seq; the
   * part already known is trimmed (nothing new: answered with the head seq, nothing stored); each
   * client's structs must continue exactly where the stored state ends, else OUT_OF_ORDER.
   */
  append(
    updateId: string,
    update: Uint8Array,
  ): { seq: number; stored: Uint8Array | null } | { error: 'OUT_OF_ORDER' } {
    const known = this.updateIds.get(updateId);
    if (known !== undefined) return { seq: known, stored: null };
    const fresh = Y.diffUpdate(update, this.stateVector());
    const { structs, ds } = Y.decodeUpdate(fresh);
    if (structs.length === 0 && ds.clients.size === 0) return { seq: this.seq, stored: null };
    const next = Y.decodeStateVector(this.stateVector());
    for (const struct of structs) {
      const client = struct.id.client;
      if (struct instanceof Y.Skip || struct.id.clock !== (next.get(client) ?? 0)) {
        return { error: 'OUT_OF_ORDER' };
      }
      next.set(client, struct.id.clock + struct.length);
    }
    this.seq++;
    this.updates.push(fresh);
    this.updateIds.set(updateId, this.seq);
    this.merged = Y.mergeUpdates([this.merged, fresh]);
    return { seq: this.seq, stored: fresh };
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
