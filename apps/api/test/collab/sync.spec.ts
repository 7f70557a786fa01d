import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { DocUpdateBroadcast, OpenResult, UpdateResult } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, next, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

async function connect(actor: Actor): Promise<Socket> {
  const socket = await rawSocket(t, actor.client.token);
  sockets.push(socket);
  return socket;
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('content').insert(doc.getText('content').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('collaboration: sync between clients', () => {
  it('acks after commit, broadcasts to the other client with seq, and a new client loads the state', async () => {
    const doc = await createDocument(owner, coalitionId);
    const a = await connect(owner);
    const b = await connect(member);
    const openA = await call<OpenResult>(a, CollabEvents.DocOpen, {
      docId: doc.id,
      stateVector: Y.encodeStateVector(new Y.Doc()),
    });
    expect(openA).toMatchObject({ ok: true, role: 'edit', seq: 0 });
    const openB = await call<OpenResult>(b, CollabEvents.DocOpen, { docId: doc.id });
    expect(openB.ok).toBe(true);

    const local = new Y.Doc();
    const update = textUpdate(local, 'Meet Senator X before the markup.');
    const received = next<DocUpdateBroadcast>(b, CollabEvents.DocUpdate);
    const updateId = newUpdateId();
    const ack = await call<UpdateResult>(a, CollabEvents.DocUpdate, {
      docId: doc.id,
      update,
      updateId,
    });
    expect(ack).toEqual({ ok: true, seq: 1 });
    const rows = await t.db.query('SELECT seq FROM doc_updates WHERE update_id = $1', [updateId]);
    expect(rows).toEqual([{ seq: '1' }]);
    const broadcast = await received;
    expect(broadcast.seq).toBe(1);
    const remote = new Y.Doc();
    Y.applyUpdate(remote, new Uint8Array(broadcast.update));
    expect(remote.getText('content').toString()).toBe('Meet Senator X before the markup.');

    const c = await connect(member);
    const fresh = new Y.Doc();
    const openC = await call<OpenResult>(c, CollabEvents.DocOpen, {
      docId: doc.id,
      stateVector: Y.encodeStateVector(fresh),
    });
    if (!openC.ok) throw new Error(openC.error.message);
    Y.applyUpdate(fresh, new Uint8Array(openC.update));
    expect(fresh.getText('content').toString()).toBe('Meet Senator X before the markup.');
    expect(openC.seq).toBe(1);
  });

  it('treats a resent update id as a no-op that acks the stored seq', async () => {
    const doc = await createDocument(owner, coalitionId);
    const a = await connect(owner);
    await call(a, CollabEvents.DocOpen, { docId: doc.id });
    const update = textUpdate(new Y.Doc(), 'once');
    const updateId = newUpdateId();
    const first = await call<UpdateResult>(a, CollabEvents.DocUpdate, {
      docId: doc.id,
      update,
      updateId,
    });
    const again = await call<UpdateResult>(a, CollabEvents.DocUpdate, {
      docId: doc.id,
      update,
      updateId,
    });
    expect(first).toEqual({ ok: true, seq: 1 });
    expect(again).toEqual({ ok: true, seq: 1 });
    const count = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(count[0].n).toBe(1);
  });

  it('refuses an update id already used for another document (CONFLICT), storing nothing', async () => {
    const first = await createDocument(owner, coalitionId);
    const second = await createDocument(owner, coalitionId);
    const a = await connect(owner);
    await call(a, CollabEvents.DocOpen, { docId: first.id });
    await call(a, CollabEvents.DocOpen, { docId: second.id });
    const updateId = newUpdateId();
    const ok = await call<UpdateResult>(a, CollabEvents.DocUpdate, {
      docId: first.id,
      update: textUpdate(new Y.Doc(), 'one'),
      updateId,
    });
    expect(ok).toEqual({ ok: true, seq: 1 });
    const clash = await call(a, CollabEvents.DocUpdate, {
      docId: second.id,
      update: textUpdate(new Y.Doc(), 'two'),
      updateId,
    });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const rows = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      second.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('refuses malformed updates with a typed error and stores nothing', async () => {
    const doc = await createDocument(owner, coalitionId);
    const a = await connect(owner);
    await call(a, CollabEvents.DocOpen, { docId: doc.id });
    const valid = textUpdate(new Y.Doc(), 'hello world');
    for (const update of [
      new Uint8Array([1, 2, 3, 255, 255, 255]),
      valid.slice(0, valid.length - 3),
      new Uint8Array(0),
    ]) {
      const ack = await call(a, CollabEvents.DocUpdate, {
        docId: doc.id,
        update,
        updateId: newUpdateId(),
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_UPDATE' } });
    }
    const wrongShape = await call(a, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: 'aGVsbG8=',
      updateId: newUpdateId(),
    });
    expect(wrongShape).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const count = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(count[0].n).toBe(0);
    const ok = await call<UpdateResult>(a, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: valid,
      updateId: newUpdateId(),
    });
    expect(ok).toEqual({ ok: true, seq: 1 });
  });

  it('refuses a bad token at the handshake with a typed error', async () => {
    await expect(rawSocket(t, 'not-a-token')).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
    await expect(rawSocket(t, null)).rejects.toMatchObject({ message: 'UNAUTHENTICATED' });
  });
});
