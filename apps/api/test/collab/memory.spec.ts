import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Namespace } from 'socket.io';
import { CollabEvents } from '@coalesce/protocol';
import { CollabGateway } from '../../src/modules/collab/collab.gateway.js';
import { DocStore } from '../../src/modules/collab/doc-store.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, newUpdateId, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;
const DOCS = 400;
const docIds: string[] = [];

beforeAll(async () => {
  process.env.COLLAB_CACHE_MB = '1';
  t = await startTestApp();
  delete process.env.COLLAB_CACHE_MB;
  owner = await signUpOrg(t, 'memory');
  coalitionId = (await createCoalition(owner)).id;
  // Documents straight into the tables (the REST route is tested elsewhere): fast to set up.
  const state = Buffer.from(Y.encodeStateAsUpdate(new Y.Doc()));
  for (let i = 0; i < DOCS; i += 1) docIds.push(randomUUID());
  await t.db.query(
    `INSERT INTO documents (id, coalition_id, owner_org_id, kind, title, coalition_permission)
     SELECT id, $2, $3, 'note', 'doc', 'edit' FROM unnest($1::uuid[]) AS id`,
    [docIds, coalitionId, owner.me.organization.id],
  );
  await t.db.query('INSERT INTO doc_heads (doc_id) SELECT unnest($1::uuid[])', [docIds]);
  await t.db.query('INSERT INTO doc_snapshots (doc_id, state) SELECT unnest($1::uuid[]), $2', [
    docIds,
    state,
  ]);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('collaboration: memory stays bounded', () => {
  it(`opens, edits and closes ${DOCS} documents; the server keeps no per-document state beyond its cache budget`, async () => {
    const socket = await rawSocket(t, owner.client.token);
    const store = t.app.get(DocStore);
    const gateway = t.app.get(CollabGateway);
    let maxCache = 0;
    for (const docId of docIds) {
      expect(await call(socket, CollabEvents.DocOpen, { docId })).toMatchObject({ ok: true });
      const doc = new Y.Doc();
      doc.getText('content').insert(0, 'x'.repeat(4000));
      expect(
        await call(socket, CollabEvents.DocUpdate, {
          docId,
          update: Y.encodeStateAsUpdate(doc),
          updateId: newUpdateId(),
        }),
      ).toMatchObject({ ok: true });
      expect(await call(socket, CollabEvents.DocClose, { docId })).toEqual({ ok: true });
      maxCache = Math.max(maxCache, store.cache.bytes);
    }
    // 400 documents of ~4 KB each would be ~1.6 MB; the cache never held more than its 1 MiB budget.
    expect(maxCache).toBeLessThanOrEqual(1024 * 1024);
    expect(store.cache.size).toBeLessThan(DOCS);
    expect(gateway.awareness.documentCount).toBe(0);
    const namespace = (gateway as unknown as { namespace: Namespace }).namespace;
    const serverSocket = [...namespace.sockets.values()].find((s) => s.id === socket.id)!;
    expect([...serverSocket.rooms].filter((room) => room.startsWith('doc:'))).toEqual([]);
    socket.disconnect();
  }, 300_000);
});
