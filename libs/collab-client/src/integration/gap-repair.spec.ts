import { randomUUID } from 'node:crypto';
import type { CollabClient } from '../collab-client.js';
import { FakeCollabServer, createTestClient, sleep, waitFor } from '../testing/index.js';

describe('CollabClient: seq gaps', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];

  beforeEach(async () => {
    server = await FakeCollabServer.start();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('repairs a dropped broadcast through doc:sync once the gap stays open', async () => {
    const docId = randomUUID();
    const ca = createTestClient(server, { getToken: async () => 'alice' });
    const cb = createTestClient(server, { getToken: async () => 'bob', gapRepairDelayMs: 100 });
    clients.push(ca, cb);
    const a = ca.openDoc(docId);
    const b = cb.openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    a.doc.getText('text').insert(0, '1');
    await a.whenSynced();
    await waitFor(() => b.doc.getText('text').toString() === '1', 'first broadcast');
    server.dropBroadcasts = 1;
    a.doc.getText('text').insert(1, '2');
    await a.whenSynced();
    a.doc.getText('text').insert(2, '3');
    await a.whenSynced();

    // "3" arrives but cannot integrate without "2"; the gap (seq 2) is repaired after ~100 ms.
    await sleep(30);
    expect(b.stats.gapsRepaired).toBe(0);
    await waitFor(() => b.doc.getText('text').toString() === '123', 'repair');
    expect(b.stats.gapsRepaired).toBe(1);
    expect(b.seq).toBe(3);
    expect(server.received.get('doc:sync')).toBe(1);
  });

  it('does not call doc:sync when nothing is missing', async () => {
    const docId = randomUUID();
    const ca = createTestClient(server, { getToken: async () => 'alice' });
    const cb = createTestClient(server, { getToken: async () => 'bob', gapRepairDelayMs: 20 });
    clients.push(ca, cb);
    const a = ca.openDoc(docId);
    const b = cb.openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    for (let i = 0; i < 30; i++) {
      a.doc.getText('text').insert(0, 'a');
      b.doc.getText('text').insert(0, 'b');
      await sleep(1);
    }
    await waitFor(() => a.doc.getText('text').length === 60 && b.doc.getText('text').length === 60);
    await waitFor(() => a.status === 'synced' && b.status === 'synced');
    await sleep(60);
    expect(server.received.get('doc:sync') ?? 0).toBe(0);
    expect(a.seq).toBe(server.doc(docId).seq);
    expect(b.seq).toBe(server.doc(docId).seq);
  });

  it('the periodic resync repairs a lost last broadcast (no later seq reveals the gap)', async () => {
    const docId = randomUUID();
    const ca = createTestClient(server, { getToken: async () => 'alice' });
    const cb = createTestClient(server, { getToken: async () => 'bob', resyncIntervalMs: 100 });
    clients.push(ca, cb);
    const a = ca.openDoc(docId);
    const b = cb.openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    server.dropBroadcasts = 1;
    a.doc.getText('text').insert(0, 'lost');
    await a.whenSynced();
    await waitFor(() => b.doc.getText('text').toString() === 'lost', 'resync');
    expect(b.stats.resyncs).toBeGreaterThan(0);
    expect(b.seq).toBe(1);
  });
});
