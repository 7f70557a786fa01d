import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Namespace } from 'socket.io';
import { CollabClient } from '@coalesce/collab-client';
import { CollabGateway } from '../../src/modules/collab/collab.gateway.js';
import { UpdateCommitter } from '../../src/modules/collab/update-committer.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { createDocument, waitUntil } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('collaboration: durable acks', () => {
  it('acks only after the row is committed', async () => {
    const doc = await createDocument(owner, coalitionId);
    const client = new CollabClient({ url: t.baseUrl, getToken: async () => owner.client.token! });
    const handle = client.openDoc(doc.id);
    await handle.whenSynced();
    let committedBeforeAck = false;
    const committer = t.app.get(UpdateCommitter);
    committer.onCommitted(({ stored }) => {
      if (stored.some((s) => s.docId === doc.id)) committedBeforeAck = handle.pendingUpdates > 0;
    });
    handle.doc.getText('content').insert(0, 'durable');
    expect(handle.status).toBe('saving');
    await waitUntil(() => handle.status === 'synced', 10_000, 'the ack');
    expect(committedBeforeAck).toBe(true);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(rows[0].n).toBe(1);
    client.close();
  });

  it('converges when every connection drops between the commit and the ack/broadcast', async () => {
    const doc = await createDocument(owner, coalitionId);
    const opts = { reconnectionDelayMs: 50, reconnectionDelayMaxMs: 200, gapRepairDelayMs: 100 };
    const writer = new CollabClient({
      url: t.baseUrl,
      getToken: async () => owner.client.token!,
      ...opts,
    });
    const reader = new CollabClient({
      url: t.baseUrl,
      getToken: async () => member.client.token!,
      ...opts,
    });
    const w = writer.openDoc(doc.id);
    const r = reader.openDoc(doc.id);
    await Promise.all([w.whenSynced(), r.whenSynced()]);

    // Cut every socket right after the commit, before any ack or broadcast leaves the server.
    const namespace = (t.app.get(CollabGateway) as unknown as { namespace: Namespace }).namespace;
    let cut = false;
    t.app.get(UpdateCommitter).onCommitted(({ stored }) => {
      if (!cut && stored.some((s) => s.docId === doc.id)) {
        cut = true;
        namespace.disconnectSockets(true);
      }
    });
    w.doc.getText('content').insert(0, 'Survives the crash window.');
    await waitUntil(() => cut, 10_000, 'the commit');
    await waitUntil(
      () => w.status === 'synced' && r.status === 'synced',
      20_000,
      'both clients to resync',
    );
    await waitUntil(
      () => r.doc.getText('content').toString() === 'Survives the crash window.',
      10_000,
      'the reader to converge',
    );
    expect(w.stats.resent).toBeGreaterThan(0);
    const rows = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(rows[0].n).toBe(1);
    expect(Buffer.from(Y.encodeStateVector(w.doc))).toEqual(
      Buffer.from(Y.encodeStateVector(r.doc)),
    );
    writer.close();
    reader.close();
  });
});
