import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabClient } from '@coalesce/collab-client';
import { CollabEvents } from '@coalesce/protocol';
import type { EntityChanged, PresenceState } from '@coalesce/protocol';
import { anchorOf } from '../support/comments.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { createDocument, next, rawSocket, waitUntil } from './collab-fixtures.js';

/**
 * Two API nodes with the Redis adapter on one PostgreSQL. Needs a PostgreSQL server (DATABASE_URL):
 * the embedded PGlite is a single in-process session and is not a multi-node deployment.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const multiNode = process.env.DATABASE_URL ? describe : describe.skip;

let a: TestApp;
let b: TestApp;
let owner: Actor;
let member: Actor;
let coalitionId: string;

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  a = await startTestApp({ REDIS_URL });
  b = await startTestApp({ REDIS_URL }, { database: a.database });
  owner = await signUpOrg(a, 'owner');
  member = await signUpOrg(a, 'member');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
}, 120_000);
afterAll(async () => {
  await b?.close({ keepDatabase: true });
  await a?.close();
});

const opts = { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200, gapRepairDelayMs: 100 };

multiNode('collaboration: two nodes with Redis', () => {
  it('clients on different nodes converge, even when a broadcast is dropped', async () => {
    const doc = await createDocument(owner, coalitionId);
    const onA = new CollabClient({
      url: a.baseUrl,
      getToken: async () => owner.client.token!,
      ...opts,
    });
    const onB = new CollabClient({
      url: b.baseUrl,
      getToken: async () => member.client.token!,
      ...opts,
    });
    const ha = onA.openDoc(doc.id);
    const hb = onB.openDoc(doc.id);
    await Promise.all([ha.whenSynced(), hb.whenSynced()]);

    ha.doc.getText('content').insert(0, 'from node A. ');
    await waitUntil(
      () => hb.doc.getText('content').toString() === 'from node A. ',
      10_000,
      'A -> B',
    );
    hb.doc.getText('content').insert(0, 'from node B. ');
    await waitUntil(
      () => ha.doc.getText('content').toString() === 'from node B. from node A. ',
      10_000,
      'B -> A',
    );

    // Drop the next broadcast to B's client; the following one reveals the gap, doc:sync repairs it.
    let dropped = 0;
    const original = onB.socket.listeners('doc:update')[0] as (...args: unknown[]) => void;
    onB.socket.off('doc:update', original);
    onB.socket.on('doc:update', (...args: unknown[]) => {
      if (dropped === 0) {
        dropped += 1;
        return;
      }
      original(...args);
    });
    ha.doc.getText('content').insert(0, '1 ');
    await waitUntil(() => ha.status === 'synced', 10_000, 'ack of the dropped update');
    ha.doc.getText('content').insert(0, '2 ');
    await waitUntil(
      () => hb.doc.getText('content').toString() === ha.doc.getText('content').toString(),
      10_000,
      'gap repair',
    );
    expect(dropped).toBe(1);
    expect(hb.stats.gapsRepaired).toBeGreaterThan(0);
    expect(Buffer.from(Y.encodeStateVector(ha.doc))).toEqual(
      Buffer.from(Y.encodeStateVector(hb.doc)),
    );
    onA.close();
    onB.close();
  });

  it('shows presence from both nodes and revokes across nodes', async () => {
    const doc = await createDocument(owner, coalitionId);
    const onA = new CollabClient({
      url: a.baseUrl,
      getToken: async () => owner.client.token!,
      ...opts,
    });
    const onB = new CollabClient({
      url: b.baseUrl,
      getToken: async () => member.client.token!,
      ...opts,
    });
    let seenByA: PresenceState | null = null;
    onA.presence.on('state', (state: PresenceState) => (seenByA = state));
    await onA.presence.join(coalitionId, { page: 'documents' });
    await onB.presence.join(coalitionId, { page: 'document', docId: doc.id });
    await waitUntil(
      () => (seenByA?.members.length ?? 0) === 2,
      10_000,
      'presence of both users on node A',
    );
    expect(seenByA!.members.map((m) => m.userId).sort()).toEqual(
      [owner.me.id, member.me.id].sort(),
    );

    const hb = onB.openDoc(doc.id);
    await hb.whenSynced();
    // Sharing changes on node A; the socket on node B loses access within a second.
    const started = Date.now();
    const res = await owner.client.request('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: null,
      organizations: [],
    });
    expect(res.status).toBe(200);
    await waitUntil(() => hb.revoked, 1_000, 'doc:revoked on node B');
    expect(Date.now() - started).toBeLessThan(1_000);

    onB.close();
    await waitUntil(
      () => (seenByA?.members.length ?? 0) === 1,
      10_000,
      'presence to drop the closed client',
    );
    onA.close();
  });

  it("delivers a notification to the recipient's sockets on the other node only", async () => {
    const doc = await createDocument(owner, coalitionId);
    const recipientOnB = await rawSocket(b, member.client.token);
    const authorOnB = await rawSocket(b, owner.client.token);
    const strays: EntityChanged[] = [];
    authorOnB.on(CollabEvents.EntityChanged, (e: EntityChanged) => {
      if (e.type === 'notification') strays.push(e);
    });
    try {
      const event = next<EntityChanged>(
        recipientOnB,
        CollabEvents.EntityChanged,
        (e) => e.type === 'notification',
        5_000,
      );
      // The comment is written through node A.
      const res = await owner.client.post(`/documents/${doc.id}/comments`, {
        anchor: anchorOf(),
        body: 'Can you take this one?',
        mentions: [{ kind: 'user', id: member.me.id }],
      });
      expect(res.status).toBe(201);
      expect(await event).toMatchObject({ coalitionId, type: 'notification', action: 'created' });
      await new Promise((r) => setTimeout(r, 150));
      expect(strays).toEqual([]);
    } finally {
      recipientOnB.disconnect();
      authorOnB.disconnect();
    }
  });
});
