import * as Y from 'yjs';

/**
 * The state re-encoded by a Yjs document with garbage collection: deleted items keep their ids and
 * clocks (clients holding them stay in sync) but not their content. A merged update (snapshot +
 * log) still carries the content of everything ever deleted; this is what to store or hand out
 * when that content must not travel.
 */
export function collectedState(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const out = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return out;
}
