import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { MergeThread } from './merge-thread.js';
import { mergeLog } from './merge-updates.js';

const YJS = createRequire(import.meta.url).resolve('yjs');
const dir = mkdtempSync(join(tmpdir(), 'merge-thread-'));

/** A worker speaking MergeThread's protocol; `crash`: it exits on the first request instead. */
function workerScript(name: string, crash = false): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `const { parentPort } = require('node:worker_threads');
     const Y = require(${JSON.stringify(YJS)});
     parentPort.on('message', ({ id, state, updates }) => {
       ${crash ? 'process.exit(3);' : ''}
       const merged = Y.mergeUpdates([state, ...updates]);
       parentPort.postMessage({ id, state: merged, stateVector: Y.encodeStateVectorFromUpdate(merged) });
     });`,
  );
  return path;
}

/** A document's state and the updates of `count` later edits. */
function log(count: number): { state: Uint8Array; updates: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'start ');
  const state = Y.encodeStateAsUpdate(doc);
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i += 1) doc.getText('t').insert(i % 5, `${i};`);
  return { state, updates };
}

function text(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  return doc.getText('t').toString();
}

let thread: MergeThread | null = null;
afterEach(async () => {
  await thread?.onApplicationShutdown();
  thread = null;
});

describe('MergeThread', () => {
  it('merges inline, like mergeLog, when no worker script is present', async () => {
    thread = new MergeThread(join(dir, 'missing.js'));
    const { state, updates } = log(50);
    const merged = await thread.merge(state, updates);
    expect(thread.available).toBe(false);
    expect(text(merged.state)).toBe(text(mergeLog(state, updates)));
    expect(merged.stateVector).toEqual(Y.encodeStateVectorFromUpdate(merged.state));
    expect(thread.stats).toEqual({ threaded: 0, inline: 1 });
  });

  it('answers concurrent merges on the worker thread, each with its own result', async () => {
    thread = new MergeThread(workerScript('merge.cjs'));
    const logs = [log(10), log(200), log(3)];
    const results = await Promise.all(logs.map((l) => thread!.merge(l.state, l.updates)));
    results.forEach((merged, i) =>
      expect(text(merged.state)).toBe(text(mergeLog(logs[i].state, logs[i].updates))),
    );
    expect(thread.stats).toEqual({ threaded: 3, inline: 0 });
  });

  it('merges inline what a dead worker was doing, and starts a new one afterwards', async () => {
    thread = new MergeThread(workerScript('crash.cjs', true));
    const l = log(20);
    const merged = await thread.merge(l.state, l.updates);
    expect(text(merged.state)).toBe(text(mergeLog(l.state, l.updates)));
    expect(thread.stats.inline).toBe(1);
    expect(thread.available).toBe(true);
  });
});
