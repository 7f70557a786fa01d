import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { CollabClient } from '../collab-client.js';
import { CollabClientError } from '../errors.js';
import { FakeCollabServer, createTestClient, textOf, waitFor } from '../testing/index.js';

describe('CollabClient: convergence', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];
  const client = (token = 'alice') => {
    const c = createTestClient(server, { getToken: async () => token });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await FakeCollabServer.start({ ackDelayMs: 5 });
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('two clients editing concurrently converge, and the server holds the same state', async () => {
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    expect(a.role).toBe('edit');

    for (let i = 0; i < 50; i++) {
      a.doc.getText('text').insert(0, 'a');
      b.doc.getText('text').insert(b.doc.getText('text').length, 'b');
    }
    b.doc.getMap('meta').set('title', 'Plan');

    await waitFor(
      () =>
        a.doc.getText('text').length === 100 &&
        b.doc.getText('text').length === 100 &&
        a.status === 'synced' &&
        b.status === 'synced',
      'convergence',
    );
    expect(a.doc.getText('text').toString()).toBe(b.doc.getText('text').toString());
    expect(a.doc.getMap('meta').get('title')).toBe('Plan');
    expect(server.text(docId)).toBe(a.doc.getText('text').toString());
    expect(a.pendingUpdates).toBe(0);
    expect(a.seq).toBe(server.doc(docId).seq);
    expect(b.seq).toBe(server.doc(docId).seq);
  });

  it('a late joiner receives the whole document on open', async () => {
    const docId = randomUUID();
    const a = client().openDoc(docId);
    a.doc.getText('text').insert(0, 'before you came');
    await a.whenSynced();
    const c = client('carol');
    const late = c.openDoc(docId);
    await late.whenSynced();
    expect(textOf(c, docId)).toBe('before you came');
    expect(late.stats.sent).toBe(0);
  });

  it('sends what the server lacks from a pre-filled Y.Doc exactly once', async () => {
    const docId = randomUUID();
    const doc = new Y.Doc();
    doc.getText('text').insert(0, 'restored from local storage');
    doc.getText('text').delete(0, 9);
    const c = client();
    const handle = c.openDoc(docId, doc);
    await handle.whenSynced();
    expect(server.text(docId)).toBe('from local storage');
    expect(server.doc(docId).updates).toHaveLength(1);

    // After a reconnect nothing is sent again.
    await server.stop();
    await waitFor(() => handle.status === 'offline', 'offline');
    await server.start();
    await waitFor(() => handle.status === 'synced' && handle.stats.opens === 2, 're-open');
    expect(server.doc(docId).updates).toHaveLength(1);
  });

  it('applies remote changes with the client as transaction origin', async () => {
    const docId = randomUUID();
    const ca = client();
    const a = ca.openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const origins: unknown[] = [];
    a.doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin));
    b.doc.getText('text').insert(0, 'x');
    await waitFor(() => a.doc.getText('text').length === 1, 'remote update');
    expect(origins).toEqual([ca]);
    expect(a.pendingUpdates).toBe(0);
  });

  it('openDoc of an open docId returns the same handle, ref-counted', async () => {
    const docId = randomUUID();
    const c = client();
    const first = c.openDoc(docId);
    const second = c.openDoc(docId);
    expect(second).toBe(first);
    expect(c.openDoc(docId, first.doc)).toBe(first);
    expect(() => c.openDoc(docId, new Y.Doc())).toThrow(CollabClientError);
    expect(() => c.openDoc(randomUUID(), first.doc)).toThrow(/already open/);
    await first.close();
    await first.close();
    expect(first.status).not.toBe('closed');
    await first.close();
    expect(first.status).toBe('closed');
    expect(c.getDoc(docId)).toBeUndefined();
    expect(c.openDoc(docId)).not.toBe(first);
  });

  it('close() drains the outbox before closing', async () => {
    server.ackDelayMs = 50;
    const docId = randomUUID();
    const c = client();
    const handle = c.openDoc(docId);
    await handle.whenSynced();
    handle.doc.getText('text').insert(0, 'last words');
    await handle.close();
    expect(handle.status).toBe('closed');
    expect(handle.stats.abandoned).toBe(0);
    expect(server.text(docId)).toBe('last words');
    await waitFor(() => server.received.get('doc:close') === 1, 'doc:close');
  });

  it('carries many documents on one connection', async () => {
    const c = client();
    const ids = Array.from({ length: 5 }, () => randomUUID());
    const handles = ids.map((id) => c.openDoc(id));
    handles.forEach((h, i) => h.doc.getText('text').insert(0, `doc ${i}`));
    await Promise.all(handles.map((h) => h.whenSynced()));
    ids.forEach((id, i) => expect(server.text(id)).toBe(`doc ${i}`));
    expect(server.connectedSockets).toBe(1);
  });
});
