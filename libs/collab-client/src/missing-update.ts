import * as Y from 'yjs';

type Ranges = Map<number, Array<[number, number]>>;

function addRange(ranges: Ranges, client: number, from: number, to: number): void {
  if (to <= from) return;
  let list = ranges.get(client);
  if (!list) {
    list = [];
    ranges.set(client, list);
  }
  list.push([from, to]);
}

function structRanges(update: Uint8Array, into: Ranges): void {
  for (const struct of Y.decodeUpdate(update).structs) {
    if (struct instanceof Y.Skip) continue;
    addRange(into, struct.id.client, struct.id.clock, struct.id.clock + struct.length);
  }
}

function deleteRanges(update: Uint8Array, into: Ranges): void {
  for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
    for (const item of items) addRange(into, client, item.clock, item.clock + item.len);
  }
}

/** Sorted, disjoint union of ranges. */
function union(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** True when every range of `needed` lies inside the union of `available`. */
function covered(needed: Ranges, available: Ranges): boolean {
  for (const [client, wanted] of needed) {
    const have = union(available.get(client) ?? []);
    let i = 0;
    for (const [from, to] of union(wanted)) {
      while (i < have.length && have[i][1] < to) i++;
      if (i >= have.length || have[i][0] > from) return false;
    }
  }
  return true;
}

/**
 * What the server is missing, given its state vector, or null when there is nothing to send.
 *
 * Computed as `Y.encodeStateAsUpdate(doc, serverStateVector)`; it is null when every struct in it is
 * already in an outbox entry (those are sent anyway, with their own updateId). Deletions are
 * compared only when `includeDeletes` is set (the first open of a handle): the encoded update always
 * carries the whole delete set, and later local deletions are all in the outbox until acknowledged.
 */
export function missingUpdate(
  doc: Y.Doc,
  serverStateVector: Uint8Array,
  outbox: readonly Uint8Array[],
  includeDeletes: boolean,
): Uint8Array | null {
  const update = Y.encodeStateAsUpdate(doc, serverStateVector);
  const neededStructs: Ranges = new Map();
  structRanges(update, neededStructs);
  const neededDeletes: Ranges = new Map();
  if (includeDeletes) deleteRanges(update, neededDeletes);
  if (neededStructs.size === 0 && neededDeletes.size === 0) return null;

  const outboxStructs: Ranges = new Map();
  const outboxDeletes: Ranges = new Map();
  for (const entry of outbox) {
    structRanges(entry, outboxStructs);
    if (includeDeletes) deleteRanges(entry, outboxDeletes);
  }
  return covered(neededStructs, outboxStructs) && covered(neededDeletes, outboxDeletes)
    ? null
    : update;
}
