import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { DocUpdateBroadcast, OpenResult, UpdateResult, VersionDto } from '@coalesce/protocol';
import { CompactionService } from '../../src/modules/collab/compaction.service.js';
import { DocStore } from '../../src/modules/collab/doc-store.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { call, createDocument, newUpdateId, next, rawSocket } from './collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let observer: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  // The background job only compacts past 500 updates; these tests compact explicitly.
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  observer = await signUpOrg(t, 'observer');
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

/** Sends `count` single-character inserts from a local doc and returns that doc. */
async function type(
  socket: Socket,
  docId: string,
  count: number,
  doc = new Y.Doc(),
): Promise<Y.Doc> {
  for (let i = 0; i < count; i += 1) {
    const before = Y.encodeStateVector(doc);
    doc
      .getText('content')
      .insert(doc.getText('content').length, String.fromCharCode(97 + (i % 26)));
    const ack = await call<UpdateResult>(socket, CollabEvents.DocUpdate, {
      docId,
      update: Y.encodeStateAsUpdate(doc, before),
      updateId: newUpdateId(),
    });
    if (!ack.ok) throw new Error(ack.error.message);
  }
  return doc;
}

async function loadFresh(socket: Socket, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const opened = await call<OpenResult>(socket, CollabEvents.DocOpen, {
    docId,
    stateVector: Y.encodeStateVector(doc),
  });
  if (!opened.ok) throw new Error(opened.error.message);
  Y.applyUpdate(doc, new Uint8Array(opened.update));
  return doc;
}

describe('collaboration: storage', () => {
  it('compaction folds the log into the snapshot and keeps the content identical', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(owner);
    await call(s, CollabEvents.DocOpen, { docId: doc.id });
    const local = await type(s, doc.id, 120);
    const before = await t.db.query(
      'SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1',
      [doc.id],
    );
    expect(before[0].n).toBe(120);
    expect(await t.app.get(CompactionService).compact(doc.id)).toBe(true);
    const after = await t.db.query('SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(after[0].n).toBe(0);
    const snapshot = await t.db.query('SELECT upto_seq FROM doc_snapshots WHERE doc_id = $1', [
      doc.id,
    ]);
    expect(Number(snapshot[0].upto_seq)).toBe(120);
    t.app.get(DocStore).cache.clear();
    const reader = await connect(member);
    const loaded = await loadFresh(reader, doc.id);
    expect(loaded.getText('content').toString()).toBe(local.getText('content').toString());
    // Writing continues with the next seq after compaction.
    const ack = await call<UpdateResult>(s, CollabEvents.DocUpdate, {
      docId: doc.id,
      update: (() => {
        const sv = Y.encodeStateVector(local);
        local.getText('content').insert(0, '!');
        return Y.encodeStateAsUpdate(local, sv);
      })(),
      updateId: newUpdateId(),
    });
    expect(ack).toEqual({ ok: true, seq: 121 });
  });

  it('a reader whose cache predates a compaction on another node still sees every update', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(owner);
    await call(s, CollabEvents.DocOpen, { docId: doc.id });
    const local = await type(s, doc.id, 10);
    const store = t.app.get(DocStore);
    await store.load(doc.id);
    // Simulate another node: updates written and compacted behind this node's cache.
    await type(s, doc.id, 15, local);
    store.cache.set(doc.id, (await store.load(doc.id)).state, 10);
    await t.app.get(CompactionService).compact(doc.id);
    const { state, seq } = await store.load(doc.id);
    const check = new Y.Doc();
    Y.applyUpdate(check, state);
    expect(seq).toBe(25);
    expect(check.getText('content').toString()).toBe(local.getText('content').toString());
  });

  it('names a version, previews it, and restores it as a forward update everyone receives', async () => {
    const doc = await createDocument(owner, coalitionId);
    const s = await connect(owner);
    const watcher = await connect(member);
    await call(s, CollabEvents.DocOpen, { docId: doc.id });
    const local = new Y.Doc();
    const text = local.getText('content');
    const send = async () => {
      const ack = await call<UpdateResult>(s, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: Y.encodeStateAsUpdate(local),
        updateId: newUpdateId(),
      });
      if (!ack.ok) throw new Error(ack.error.message);
    };
    text.insert(0, 'Ask: co-sponsor H.R. 2200.');
    await send();
    const named = await owner.client.post<VersionDto>(`/documents/${doc.id}/versions`, {
      name: 'Before the hearing',
    });
    expect(named.status).toBe(201);
    text.delete(0, text.length);
    text.insert(0, 'Ask: oppose the amendment.');
    await send();

    const preview = await fetch(
      `${t.baseUrl}/api/v1/documents/${doc.id}/versions/${named.body.id}/state`,
      { headers: { authorization: `Bearer ${member.client.token}` } },
    );
    expect(preview.status).toBe(200);
    const previewDoc = new Y.Doc();
    Y.applyUpdate(previewDoc, new Uint8Array(await preview.arrayBuffer()));
    expect(previewDoc.getText('content').toString()).toBe('Ask: co-sponsor H.R. 2200.');

    const mirror = await loadFresh(watcher, doc.id);
    expect(mirror.getText('content').toString()).toBe('Ask: oppose the amendment.');
    const live = next<DocUpdateBroadcast>(watcher, CollabEvents.DocUpdate);
    expect(
      (await observer.client.post(`/documents/${doc.id}/versions/${named.body.id}/restore`)).status,
    ).toBe(403);
    const restored = await owner.client.post<{ seq: number }>(
      `/documents/${doc.id}/versions/${named.body.id}/restore`,
    );
    expect(restored.status).toBe(200);
    Y.applyUpdate(mirror, new Uint8Array((await live).update));
    expect(mirror.getText('content').toString()).toBe('Ask: co-sponsor H.R. 2200.');
    const versions = await member.client.get<VersionDto[]>(`/documents/${doc.id}/versions`);
    expect(versions.body.map((v) => v.name)).toContain('Before the hearing');
    const audit = await t.db.query(
      "SELECT 1 FROM audit_log WHERE action = 'document.version-restored' AND target_id = $1",
      [doc.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('restores rich-text (XmlFragment) and map documents', async () => {
    const { restoreUpdate } = await import('../../src/modules/collab/version-restore.js');
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment('default');
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('First draft')]);
    frag.insert(0, [p]);
    doc.getMap('nodes').set('n1', { label: 'Tunago No. 61' });
    const version = Y.encodeStateAsUpdate(doc);
    frag.delete(0, 1);
    doc.getMap('nodes').set('n2', { label: 'Other' });
    doc.getMap('nodes').delete('n1');
    const current = Y.encodeStateAsUpdate(doc);
    const update = restoreUpdate(current, version);
    Y.applyUpdate(doc, update);
    expect(doc.getXmlFragment('default').toString()).toBe('<paragraph>First draft</paragraph>');
    expect(doc.getMap('nodes').toJSON()).toEqual({ n1: { label: 'Tunago No. 61' } });
  });
});
