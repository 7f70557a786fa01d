import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { DocUpdateBroadcast, OpenResult, UpdateResult } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'bcast');
  coalitionId = (await createCoalition(owner)).id;
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('collaboration: broadcasts under load', () => {
  it('covers every committed seq exactly once (merged ranges included), never echoes a lone update, and converges', async () => {
    const doc = await createDocument(owner, coalitionId);
    const writers = await Promise.all([0, 1, 2].map(() => rawSocket(t, owner.client.token)));
    const reader = await rawSocket(t, owner.client.token);
    sockets.push(...writers, reader);
    for (const s of [...writers, reader]) {
      const opened = await call<OpenResult>(s, CollabEvents.DocOpen, { docId: doc.id });
      expect(opened.ok).toBe(true);
    }
    const seen: DocUpdateBroadcast[] = [];
    reader.on(CollabEvents.DocUpdate, (m: DocUpdateBroadcast) => seen.push(m));
    const locals = writers.map(() => new Y.Doc());
    const echoes: number[] = [];
    writers.forEach((w, i) =>
      w.on(CollabEvents.DocUpdate, (m: DocUpdateBroadcast) => {
        // A merged broadcast may hold the writer's own updates; a lone update never comes back.
        const { from } = Y.parseUpdateMeta(new Uint8Array(m.update));
        if (m.fromSeq === undefined && from.has(locals[i].clientID)) echoes.push(m.seq);
      }),
    );
    const perWriter = 40;
    const acks = await Promise.all(
      writers.map(async (w, i) => {
        const local = locals[i];
        const pending: Array<Promise<unknown>> = [];
        for (let k = 0; k < perWriter; k++) {
          const before = Y.encodeStateVector(local);
          local.getText('content').insert(0, `w${i}-${k};`);
          pending.push(
            call<UpdateResult>(w, CollabEvents.DocUpdate, {
              docId: doc.id,
              update: Y.encodeStateAsUpdate(local, before),
              updateId: newUpdateId(),
            }),
          );
        }
        return Promise.all(pending);
      }),
    );
    expect(acks.flat().every((a) => (a as { ok: boolean }).ok)).toBe(true);
    const total = writers.length * perWriter;
    const deadline = Date.now() + 5000;
    const covered = () => seen.reduce((n, m) => n + (m.seq - (m.fromSeq ?? m.seq) + 1), 0);
    while (covered() < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    const counts = new Map<number, number>();
    for (const m of seen)
      for (let s = m.fromSeq ?? m.seq; s <= m.seq; s++) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect([...counts.values()].every((c) => c === 1)).toBe(true);
    expect(echoes).toEqual([]);

    const replica = new Y.Doc();
    for (const m of seen) Y.applyUpdate(replica, new Uint8Array(m.update));
    const fresh = new Y.Doc();
    const opened = await call<OpenResult>(reader, CollabEvents.DocSync, {
      docId: doc.id,
      stateVector: Y.encodeStateVector(fresh),
    });
    if (!opened.ok) throw new Error(opened.error.message);
    Y.applyUpdate(fresh, new Uint8Array(opened.update));
    expect(replica.getText('content').toString()).toBe(fresh.getText('content').toString());
    expect(fresh.getText('content').toString().split(';').length - 1).toBe(total);
  }, 60_000);
});
