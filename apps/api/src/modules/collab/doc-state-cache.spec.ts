import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { DocStateCache } from './doc-state-cache.js';
import { mergeLog } from './merge-updates.js';

function edit(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('DocStateCache', () => {
  it('appends committed updates, keeps the state vector current and never goes back to an older read', () => {
    const cache = new DocStateCache(1024 * 1024);
    const doc = new Y.Doc();
    const first = edit(doc, 'a');
    cache.set('d', first, 1);
    const stale = Y.encodeStateAsUpdate(doc);
    cache.append('d', 2, [edit(doc, 'b'), edit(doc, 'c')]);
    expect(cache.stateVector('d')!.get(doc.clientID)).toBe(3);
    // A read that began before seq 2 and 3 were committed must not replace the entry.
    cache.set('d', stale, 1);
    const entry = cache.get('d')!;
    expect(entry.seq).toBe(3);
    const check = new Y.Doc();
    Y.applyUpdate(check, entry.state);
    expect(check.getText('t').toString()).toBe('abc');
  });

  it('drops an entry when a commit does not follow its seq, and stays within its budget', () => {
    const cache = new DocStateCache(10_000);
    const doc = new Y.Doc();
    cache.set('d', edit(doc, 'x'), 1);
    cache.append('d', 5, [edit(doc, 'y')]);
    expect(cache.get('d')).toBeUndefined();
    for (let i = 0; i < 50; i += 1) cache.set(`doc-${i}`, edit(new Y.Doc(), 'z'.repeat(500)), 1);
    expect(cache.bytes).toBeLessThanOrEqual(10_000);
  });

  it('merges a long tail in the background and keeps what was appended meanwhile', async () => {
    const started: Array<() => void> = [];
    const cache = new DocStateCache(64 * 1024 * 1024, (state, updates) => {
      const merged = mergeLog(state, updates);
      return new Promise((resolve) => started.push(() => resolve(merged)));
    });
    const doc = new Y.Doc();
    cache.set('d', edit(doc, 's'), 1);
    // Past 256 KB of tail: one background merge starts (not a second one while it runs).
    const big = 'x'.repeat(1000);
    let seq = 1;
    while (!started.length) cache.append('d', ++seq, [edit(doc, big)]);
    cache.append('d', ++seq, [edit(doc, 'late')]);
    for (let i = 0; i < 300; i += 1) cache.append('d', ++seq, [edit(doc, big)]);
    expect(started).toHaveLength(1);
    started[0]();
    await new Promise((resolve) => setImmediate(resolve));
    const entry = cache.get('d')!;
    expect(entry.seq).toBe(seq);
    const check = new Y.Doc();
    Y.applyUpdate(check, entry.state);
    expect(check.getText('t').toString()).toBe(doc.getText('t').toString());
    expect(cache.bytes).toBe(entry.bytes);
  });
});
