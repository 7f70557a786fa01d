import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { COLLAB_CLIENT_EVENTS, CollabEvents } from '@coalesce/protocol';
import type { OpenResult } from '@coalesce/protocol';
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
  owner = await signUpOrg(t, 'fuzz');
  coalitionId = (await createCoalition(owner)).id;
});
afterAll(async () => {
  await t?.close();
});

function mutate(bytes: Uint8Array, random: () => number): Uint8Array {
  const out = Uint8Array.from(bytes);
  const kind = Math.floor(random() * 5);
  if (kind === 0) return out.slice(0, Math.floor(random() * out.length));
  if (kind === 1) {
    for (let i = 0; i < 1 + random() * 4; i += 1)
      out[Math.floor(random() * out.length)] = Math.floor(random() * 256);
    return out;
  }
  if (kind === 2) {
    const extra = Uint8Array.from({ length: 1 + Math.floor(random() * 16) }, () =>
      Math.floor(random() * 256),
    );
    const at = Math.floor(random() * out.length);
    return Uint8Array.from([...out.slice(0, at), ...extra, ...out.slice(at)]);
  }
  if (kind === 3)
    return Uint8Array.from({ length: Math.floor(random() * 64) }, () => Math.floor(random() * 256));
  out[Math.floor(random() * out.length)] ^= 1 << Math.floor(random() * 8);
  return out;
}

describe('collaboration: fuzzing', () => {
  it('survives 10,000 mutated messages: no crash, no stored bad update, other clients unaffected', async () => {
    const doc = await createDocument(owner, coalitionId);
    const fuzzer: Socket = await rawSocket(t, owner.client.token);
    const bystander: Socket = await rawSocket(t, owner.client.token);
    await call(fuzzer, CollabEvents.DocOpen, { docId: doc.id });
    await call(bystander, CollabEvents.DocOpen, { docId: doc.id });

    const source = new Y.Doc();
    const seeds: Uint8Array[] = [];
    for (let i = 0; i < 20; i += 1) {
      const sv = Y.encodeStateVector(source);
      source.getText('content').insert(0, `seed ${i} `);
      source.getMap('meta').set(`k${i}`, { i, s: 'x'.repeat(i) });
      seeds.push(Y.encodeStateAsUpdate(source, sv));
    }
    const random = rng(20261129);
    const shapes: Array<() => unknown> = [
      () => ({
        docId: doc.id,
        update: mutate(seeds[Math.floor(random() * seeds.length)], random),
        updateId: newUpdateId(),
      }),
      () => ({ docId: doc.id, update: mutate(seeds[0], random) }),
      () => ({ docId: 'not-a-uuid', update: seeds[0], updateId: newUpdateId() }),
      () => null,
      () => 'a string',
      () => [1, 2, 3],
      () => ({ docId: doc.id, stateVector: mutate(Y.encodeStateVector(source), random) }),
      () => ({ docId: doc.id, update: mutate(new Uint8Array([1, 1, 42, 1, 0, 0]), random) }),
      () => ({ coalitionId, location: { page: 'x'.repeat(Math.floor(random() * 100)) } }),
    ];
    const events = [...COLLAB_CLIENT_EVENTS, 'unknown:event'];
    let acks = 0;
    let accepted = 0;
    const total = 10_000;
    const batch = 200;
    for (let sent = 0; sent < total; sent += batch) {
      const pending: Array<Promise<unknown>> = [];
      for (let i = 0; i < batch; i += 1) {
        const event =
          random() < 0.6 ? CollabEvents.DocUpdate : events[Math.floor(random() * events.length)];
        const payload = shapes[Math.floor(random() * shapes.length)]();
        if (event === 'unknown:event') {
          fuzzer.emit(event, payload);
          continue;
        }
        pending.push(
          fuzzer
            .timeout(10_000)
            .emitWithAck(event, payload)
            .then((ack: { ok: boolean }) => {
              acks += 1;
              if (ack.ok && event === CollabEvents.DocUpdate) accepted += 1;
            }),
        );
      }
      await Promise.all(pending);
    }
    expect(fuzzer.connected).toBe(true);
    expect(acks).toBeGreaterThan(9000);

    // Every stored update is a valid Yjs update and the merged document loads.
    const rows: Array<{ update: Buffer }> = await t.db.query(
      'SELECT update FROM doc_updates WHERE doc_id = $1',
      [doc.id],
    );
    const head = await t.db.query('SELECT head_seq FROM doc_heads WHERE doc_id = $1', [doc.id]);
    expect(rows.length).toBe(Number(head[0].head_seq));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(accepted);
    for (const row of rows) expect(() => Y.decodeUpdate(new Uint8Array(row.update))).not.toThrow();
    const fresh = new Y.Doc();
    const opened = await call<OpenResult>(bystander, CollabEvents.DocOpen, {
      docId: doc.id,
      stateVector: Y.encodeStateVector(fresh),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    expect(() => Y.applyUpdate(fresh, new Uint8Array(opened.update))).not.toThrow();

    // The process is up and other clients still work.
    const health = await fetch(`${t.baseUrl}/api/health`);
    expect(health.status).toBe(200);
    const good = new Y.Doc();
    good.getText('content').insert(0, 'still fine');
    const ack = await call(bystander, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: Y.encodeStateAsUpdate(good),
      updateId: newUpdateId(),
    });
    expect(ack).toMatchObject({ ok: true });
    fuzzer.disconnect();
    bystander.disconnect();
  }, 180_000);
});
