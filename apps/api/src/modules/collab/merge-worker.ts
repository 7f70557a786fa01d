import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';
import { mergeLog } from './merge-updates.js';
import type { MergeReply, MergeRequest } from './merge-thread.js';

/**
 * Worker thread of `MergeThread`: merges a document's snapshot with its log (the whole document is
 * decoded and re-encoded, tens of milliseconds for a large one) away from the event loop that
 * serves the sockets.
 */
parentPort?.on('message', ({ id, state, updates }: MergeRequest) => {
  let reply: MergeReply;
  try {
    const merged = mergeLog(state, updates);
    reply = { id, state: merged, stateVector: Y.encodeStateVectorFromUpdate(merged) };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
