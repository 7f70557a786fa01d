import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabEvents } from '@coalesce/protocol';
import type { OpenResult, UpdateResult } from '@coalesce/protocol';
import { DocStore } from '../../src/modules/collab/doc-store.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'failcommit');
  coalitionId = (await createCoalition(owner)).id;
});
afterAll(async () => {
  await t?.close();
});

describe('collaboration: a failed group commit', () => {
  it('refuses what was queued behind it for the document; resending both stores a dense, integrable log', async () => {
    const doc = await createDocument(owner, coalitionId);
    const socket = await rawSocket(t, owner.client.token);
    const opened = await call<OpenResult>(socket, CollabEvents.DocOpen, { docId: doc.id });
    expect(opened.ok).toBe(true);

    const local = new Y.Doc();
    const edit = (text: string) => {
      const before = Y.encodeStateVector(local);
      local.getText('content').insert(local.getText('content').length, text);
      return {
        docId: doc.id,
        update: Y.encodeStateAsUpdate(local, before),
        updateId: newUpdateId(),
      };
    };
    const first = edit('first ');
    const second = edit('second'); // builds on `first`

    // The first batch fails after a while (a lost connection, say); the second update is admitted
    // on top of the first meanwhile and waits behind it.
    const store = t.app.get(DocStore);
    const append = store.append.bind(store);
    let calls = 0;
    store.append = async (...args) => {
      calls += 1;
      if (calls === 1) {
        await new Promise((r) => setTimeout(r, 200));
        throw new Error('connection lost (test)');
      }
      return append(...args);
    };
    try {
      const ackFirst = call<UpdateResult>(socket, CollabEvents.DocUpdate, first);
      await new Promise((r) => setTimeout(r, 50));
      const ackSecond = call<UpdateResult>(socket, CollabEvents.DocUpdate, second);
      expect(await ackFirst).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(await ackSecond).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      store.append = append;
    }
    const none = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(none[0].n).toBe(0);

    // The client resends both (same ids), in order: stored densely, and the state integrates.
    expect(await call<UpdateResult>(socket, CollabEvents.DocUpdate, first)).toMatchObject({
      ok: true,
      seq: 1,
    });
    expect(await call<UpdateResult>(socket, CollabEvents.DocUpdate, second)).toMatchObject({
      ok: true,
      seq: 2,
    });
    const rows: Array<{ update: Buffer }> = await t.db.query(
      'SELECT update FROM doc_updates WHERE doc_id = $1 ORDER BY seq',
      [doc.id],
    );
    const replica = new Y.Doc();
    for (const row of rows) Y.applyUpdate(replica, new Uint8Array(row.update));
    expect(replica.store.pendingStructs).toBeNull();
    expect(replica.getText('content').toString()).toBe('first second');
    socket.disconnect();
  }, 30_000);
});
