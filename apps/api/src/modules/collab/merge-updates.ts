import * as Y from 'yjs';

/**
 * Inputs per `Y.mergeUpdates` call. Yjs compares every input at each struct it writes, so one flat
 * merge of a state with thousands of small updates costs structs × inputs (seconds for a
 * 10,000-update log, measured); merging the log in small groups first and the state last costs
 * about one pass over the state.
 */
const FAN_IN = 16;

/** `state` followed by `updates` (in log order), as one update. */
export function mergeLog(state: Uint8Array, updates: Uint8Array[]): Uint8Array {
  if (!updates.length) return state;
  return Y.mergeUpdates([state, mergeUpdates(updates)]);
}

/** Several updates (at least one) as one, merged in small groups. */
export function mergeUpdates(updates: Uint8Array[]): Uint8Array {
  let level = updates;
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += FAN_IN) {
      const group = level.slice(i, i + FAN_IN);
      next.push(group.length === 1 ? group[0] : Y.mergeUpdates(group));
    }
    level = next;
  }
  return level[0];
}
