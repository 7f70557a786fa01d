import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { DocRevokedMessage, OpenResult, UpdateResult } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import {
  PASSWORD,
  addColleague,
  createCoalition,
  joinCoalition,
  signUpOrg,
} from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, next, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
  await joinCoalition(owner, observer, coalitionId, 'observer');
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

const update = (text: string) => {
  const doc = new Y.Doc();
  doc.getText('content').insert(0, text);
  return Y.encodeStateAsUpdate(doc);
};

describe('collaboration: access policy on every socket event', () => {
  it('refuses an outsider (404) on open, and updates/sync/awareness of a doc not opened', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(outsider);
    expect(await call(s, CollabEvents.DocOpen, { docId: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(
      await call(s, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: update('x'),
        updateId: newUpdateId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'DOC_NOT_OPEN' } });
    expect(
      await call(s, CollabEvents.DocSync, { docId: doc.id, stateVector: new Uint8Array([0]) }),
    ).toMatchObject({ ok: false });
    expect(
      await call(s, CollabEvents.AwarenessUpdate, { docId: doc.id, update: new Uint8Array([0]) }),
    ).toMatchObject({ ok: false });
    expect(
      await call(s, CollabEvents.PresenceJoin, { coalitionId, location: { page: 'overview' } }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unknown = await call(s, CollabEvents.DocOpen, {
      docId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets an observer read but refuses its writes, checked on every update', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(observer);
    const opened = await call<OpenResult>(s, CollabEvents.DocOpen, { docId: doc.id });
    expect(opened).toMatchObject({ ok: true, role: 'view' });
    const refused = await call(s, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: update('observer edit'),
      updateId: newUpdateId(),
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const rows = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('re-checks edit rights on every update: a member downgraded to view is refused without reopening', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(member);
    expect(await call<OpenResult>(s, CollabEvents.DocOpen, { docId: doc.id })).toMatchObject({
      ok: true,
      role: 'edit',
    });
    expect(
      await call<UpdateResult>(s, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: update('a'),
        updateId: newUpdateId(),
      }),
    ).toMatchObject({ ok: true });
    const revoked = next<DocRevokedMessage>(
      s,
      CollabEvents.DocRevoked,
      (m) => m.docId === doc.id,
      2000,
    );
    const shared = await owner.client.request('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: 'view',
      organizations: [],
    });
    expect(shared.status).toBe(200);
    expect(await revoked).toMatchObject({ docId: doc.id, reason: 'access-changed' });
    expect(
      await call(s, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: update('b'),
        updateId: newUpdateId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'DOC_NOT_OPEN' } });
    expect(await call<OpenResult>(s, CollabEvents.DocOpen, { docId: doc.id })).toMatchObject({
      ok: true,
      role: 'view',
    });
    expect(
      await call(s, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: update('c'),
        updateId: newUpdateId(),
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('revokes within a second when sharing is withdrawn, and the doc cannot be reopened', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(member);
    await call(s, CollabEvents.DocOpen, { docId: doc.id });
    const started = Date.now();
    const revoked = next<DocRevokedMessage>(
      s,
      CollabEvents.DocRevoked,
      (m) => m.docId === doc.id,
      1000,
    );
    await owner.client.request('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: null,
      organizations: [],
    });
    await revoked;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await call(s, CollabEvents.DocOpen, { docId: doc.id })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('revokes the documents of an organization removed from the coalition', async () => {
    const other = await signUpOrg(t, 'removed');
    await joinCoalition(owner, other, coalitionId, 'member');
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(other);
    await call(s, CollabEvents.DocOpen, { docId: doc.id });
    const revoked = next<DocRevokedMessage>(
      s,
      CollabEvents.DocRevoked,
      (m) => m.docId === doc.id,
      1000,
    );
    expect(
      (await owner.client.delete(`/coalitions/${coalitionId}/members/${other.me.organization.id}`))
        .status,
    ).toBe(204);
    expect(await revoked).toMatchObject({ reason: 'removed-from-coalition' });
  });

  it('disconnects the sockets of a revoked session and of a disabled user', async () => {
    const colleague = await addColleague(t, member);
    const laptop = t.client();
    await laptop.login(colleague.email, PASSWORD);
    const s1 = await connect({ ...colleague, client: laptop });
    const s2 = await connect(colleague);
    const sessions =
      await colleague.client.get<Array<{ id: string; current: boolean }>>('/auth/sessions');
    const laptopSession = sessions.body.find((x) => !x.current)!;
    const gone = new Promise<string>((resolve) =>
      s1.once('disconnect', (reason) => resolve(reason)),
    );
    await colleague.client.delete(`/auth/sessions/${laptopSession.id}`);
    expect(await gone).toBe('io server disconnect');
    expect(s2.connected).toBe(true);
    const gone2 = new Promise<string>((resolve) =>
      s2.once('disconnect', (reason) => resolve(reason)),
    );
    await member.client.post(`/organizations/current/members/${colleague.me.id}/disable`);
    expect(await gone2).toBe('io server disconnect');
  });

  it('binds awareness client ids to the first socket and refuses spoofing', async () => {
    const doc = await createDocument(owner, coalitionId);
    const a = await connect(owner);
    const b = await connect(member);
    await call(a, CollabEvents.DocOpen, { docId: doc.id });
    await call(b, CollabEvents.DocOpen, { docId: doc.id });
    const { encodeAwareness } = await import('../../src/modules/collab/awareness-codec.js');
    const mine = encodeAwareness([
      { clientId: 4242, clock: 1, state: JSON.stringify({ user: { name: 'Owner' } }) },
    ]);
    const received = next<{ docId: string; update: Uint8Array }>(b, CollabEvents.AwarenessUpdate);
    expect(await call(a, CollabEvents.AwarenessUpdate, { docId: doc.id, update: mine })).toEqual({
      ok: true,
    });
    expect((await received).docId).toBe(doc.id);
    const spoof = encodeAwareness([
      { clientId: 4242, clock: 2, state: JSON.stringify({ user: { name: 'Impostor' } }) },
    ]);
    expect(
      await call(b, CollabEvents.AwarenessUpdate, { docId: doc.id, update: spoof }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const big = encodeAwareness([
      { clientId: 7, clock: 1, state: JSON.stringify({ blob: 'x'.repeat(20_000) }) },
    ]);
    expect(
      await call(b, CollabEvents.AwarenessUpdate, { docId: doc.id, update: big }),
    ).toMatchObject({ ok: false, error: { code: 'PAYLOAD_TOO_LARGE' } });
    const left = next<{ update: Uint8Array }>(b, CollabEvents.AwarenessUpdate);
    a.disconnect();
    const { decodeAwareness } = await import('../../src/modules/collab/awareness-codec.js');
    const entries = decodeAwareness(new Uint8Array((await left).update));
    expect(entries).toEqual([expect.objectContaining({ clientId: 4242, state: 'null' })]);
  });
});
