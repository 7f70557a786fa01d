import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { DocStore, PredecessorNotCommitted } from '../../src/modules/collab/doc-store.js';
import { UpdateCommitter } from '../../src/modules/collab/update-committer.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { createDocument, newUpdateId } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'pipeline');
  coalitionId = (await createCoalition(owner)).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** Consecutive updates of one writer: each builds on the one before. */
function writer(): () => Uint8Array {
  const local = new Y.Doc();
  return () => {
    const before = Y.encodeStateVector(local);
    const text = local.getText('content');
    text.insert(text.length, `${text.length};`);
    return Y.encodeStateAsUpdate(local, before);
  };
}

async function storedLog(docId: string): Promise<Array<{ seq: number; update: Uint8Array }>> {
  const rows: Array<{ seq: string; update: Buffer }> = await t.db.query(
    'SELECT seq, update FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
    [docId],
  );
  return rows.map((r) => ({ seq: Number(r.seq), update: new Uint8Array(r.update) }));
}

describe('collaboration: pipelined group commits', () => {
  it('refuses a batch whose predecessor never wrote the document, and stores nothing of it', async () => {
    const doc = await createDocument(owner, coalitionId);
    const store = t.app.get(DocStore);
    const next = writer();
    const first = { docId: doc.id, update: next(), updateId: newUpdateId(), userId: null };
    await store.append([first], 11n);

    // Builds on batch 12, which never reached the database (it failed): refused.
    const orphan = { docId: doc.id, update: next(), updateId: newUpdateId(), userId: null };
    const lost = { batch: 12n, updateIds: [newUpdateId()] };
    await expect(store.append([orphan], 13n, new Map([[doc.id, lost]]))).rejects.toBeInstanceOf(
      PredecessorNotCommitted,
    );
    expect((await storedLog(doc.id)).map((r) => r.seq)).toEqual([1]);

    // Naming the batch that did write it, the same update goes in.
    const [stored] = await store.append(
      [orphan],
      13n,
      new Map([[doc.id, { batch: 11n, updateIds: [first.updateId] }]]),
    );
    expect(stored).toMatchObject({ seq: 2, duplicate: false });
  });

  it('accepts a batch whose predecessor committed when another node wrote the document since', async () => {
    const doc = await createDocument(owner, coalitionId);
    const store = t.app.get(DocStore);
    const mine = writer();
    const theirs = writer();
    const first = { docId: doc.id, update: mine(), updateId: newUpdateId(), userId: null };
    await store.append([first], 21n);
    // Another node's batch writes the document in between.
    await store.append(
      [{ docId: doc.id, update: theirs(), updateId: newUpdateId(), userId: null }],
      99n,
    );
    const started = Date.now();
    const [stored] = await store.append(
      [{ docId: doc.id, update: mine(), updateId: newUpdateId(), userId: null }],
      22n,
      new Map([[doc.id, { batch: 21n, updateIds: [first.updateId] }]]),
    );
    expect(stored).toMatchObject({ seq: 3, duplicate: false });
    // Without waiting out the retries meant for a predecessor that has not arrived yet.
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('commits batches sent while earlier ones are in flight densely, in order, and integrable', async () => {
    const committer = t.app.get(UpdateCommitter);
    const docs = [
      await createDocument(owner, coalitionId),
      await createDocument(owner, coalitionId),
    ];
    const writers = docs.map(() => writer());
    const pipelinedBefore = committer.stats.pipelined;
    const acks: Array<Promise<{ seq: number; docId: string }>> = [];
    const sent = new Map<string, Uint8Array[]>(docs.map((d) => [d.id, []]));
    // Updates arrive over many event-loop turns, so batches go while others are in flight.
    for (let round = 0; round < 60; round++) {
      docs.forEach((doc, i) => {
        const update = writers[i]();
        sent.get(doc.id)!.push(update);
        acks.push(
          committer.commit({ docId: doc.id, update, updateId: newUpdateId(), userId: null }),
        );
      });
      await new Promise((r) => setImmediate(r));
    }
    const results = await Promise.all(acks);
    expect(committer.stats.pipelined).toBeGreaterThan(pipelinedBefore);
    for (const doc of docs) {
      const log = await storedLog(doc.id);
      // Dense seqs, in the order the updates were sent.
      expect(log.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
      expect(log.map((r) => Buffer.from(r.update).toString('hex'))).toEqual(
        sent.get(doc.id)!.map((u) => Buffer.from(u).toString('hex')),
      );
      expect(results.filter((r) => r.docId === doc.id).map((r) => r.seq)).toEqual(
        log.map((r) => r.seq),
      );
      // Applied in seq order, nothing is left pending.
      const replica = new Y.Doc();
      for (const { update } of log) Y.applyUpdate(replica, update);
      expect(replica.store.pendingStructs).toBeNull();
      expect(replica.getText('content').toString().split(';').length).toBe(61);
    }
  });
});
