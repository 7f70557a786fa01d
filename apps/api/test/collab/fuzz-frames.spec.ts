import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabEvents, packFrame } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, rawSocket, rng } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'fuzzframes');
  coalitionId = (await createCoalition(owner)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('collaboration: malformed wire frames', () => {
  it('closes only the offending connection; nothing is stored; the process and other clients carry on', async () => {
    const doc = await createDocument(owner, coalitionId);
    const bystander = await rawSocket(t, owner.client.token);
    await call(bystander, CollabEvents.DocOpen, { docId: doc.id });
    const source = new Y.Doc();
    source.getText('content').insert(0, 'payload');
    const update = Y.encodeStateAsUpdate(source);
    const header = `51-/collab,0["doc:update",{"docId":"${doc.id}","update":{"_placeholder":true,"num":0},"updateId":"${newUpdateId()}"}]`;
    const valid = packFrame(header, [update]);
    const random = rng(4242);
    const frames: Array<Uint8Array | string> = [
      // The default parser's two-frame form, random bytes, truncations, wrong counts, bad JSON.
      header,
      Uint8Array.from({ length: 40 }, () => Math.floor(random() * 256)),
      valid.slice(0, valid.length - 3),
      packFrame(header, []),
      packFrame(header, [update, update]),
      packFrame(header.replace('"num":0', '"num":3'), [update]),
      packFrame('51-/collab,0{not json', [update]),
      packFrame('21-/collab,0["doc:update"]', [update]),
    ];
    for (let i = 0; i < 60; i++) {
      const frame = valid.slice();
      for (let k = 0; k < 3; k++) frame[Math.floor(random() * frame.length)] = random() * 256;
      frames.push(frame);
    }
    let closed = 0;
    for (const frame of frames) {
      const fuzzer = await rawSocket(t, owner.client.token);
      const gone = new Promise<void>((resolve) => fuzzer.once('disconnect', () => resolve()));
      (fuzzer.io.engine as unknown as { write(data: unknown): void }).write(frame);
      // Either the server refuses the frame (closes the connection) or the mutation still parsed
      // (then it is an ordinary, validated doc:update): both are fine, a crash is not.
      const outcome = await Promise.race([
        gone.then(() => 'closed'),
        new Promise((r) => setTimeout(() => r('open'), 300)),
      ]);
      if (outcome === 'closed') closed += 1;
      fuzzer.disconnect();
    }
    expect(closed).toBeGreaterThan(frames.length / 2);

    const rows: Array<{ update: Buffer }> = await t.db.query(
      'SELECT update FROM doc_updates WHERE doc_id = $1',
      [doc.id],
    );
    for (const row of rows) expect(() => Y.decodeUpdate(new Uint8Array(row.update))).not.toThrow();
    const health = await fetch(`${t.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    expect(bystander.connected).toBe(true);
    const good = new Y.Doc();
    good.getText('other').insert(0, 'still fine');
    const ack = await call(bystander, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: Y.encodeStateAsUpdate(good),
      updateId: newUpdateId(),
    });
    expect(ack).toMatchObject({ ok: true });
    bystander.disconnect();
  }, 120_000);
});
