import { randomUUID } from 'node:crypto';
import type { CollabClient } from '../collab-client.js';
import type { ConnectionStatus, DocStatus } from '../types.js';
import { FakeCollabServer, createTestClient, sleep, waitFor } from '../testing/index.js';

describe('CollabClient: outbox across a server outage', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];
  const client = (token = 'alice') => {
    const c = createTestClient(server, { getToken: async () => token });
    clients.push(c);
    return c;
  };

  beforeEach(async () => {
    server = await FakeCollabServer.start();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('goes connecting -> synced -> saving -> synced, and offline while the server is down', async () => {
    server.ackDelayMs = 30;
    const c = client();
    const clientStatuses: ConnectionStatus[] = [c.status];
    c.on('status', (s) => clientStatuses.push(s));
    const handle = c.openDoc(randomUUID());
    const statuses: DocStatus[] = [handle.status];
    handle.on('status', (s) => statuses.push(s));

    await handle.whenSynced();
    handle.doc.getText('text').insert(0, 'hi');
    expect(handle.status).toBe('saving');
    await handle.whenSynced();
    expect(statuses).toEqual(['connecting', 'synced', 'saving', 'synced']);

    await server.stop();
    await waitFor(() => handle.status === 'offline', 'offline');
    handle.doc.getText('text').insert(2, '!');
    await sleep(100);
    expect(handle.status).toBe('offline');
    expect(handle.pendingUpdates).toBe(1);

    await server.start();
    await handle.whenSynced();
    expect(statuses.slice(4)).toEqual(['offline', 'connecting', 'saving', 'synced']);
    expect(clientStatuses).toEqual(['connecting', 'connected', 'offline', 'connected']);
  });

  it('keeps every update through a restart and stores each updateId exactly once', async () => {
    server.ackDelayMs = 40; // updates are still in flight when the server goes down
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    // One update per tick, so each is its own outbox entry and many are in flight at once.
    for (let i = 0; i < 20; i++) {
      a.doc.getText('text').insert(i, 'a');
      await sleep(1);
    }
    expect(a.pendingUpdates).toBeGreaterThan(0);
    await server.stop(); // the pending commits still happen, their acks are lost

    for (let i = 0; i < 10; i++) b.doc.getText('text').insert(0, 'b');
    a.doc.getText('text').insert(0, 'offline-a ');
    await sleep(150);
    expect(a.status).toBe('offline');
    expect(b.status).toBe('offline');
    expect(b.pendingUpdates).toBeGreaterThan(0);

    await server.start();
    await waitFor(
      () => a.status === 'synced' && b.status === 'synced',
      'both synced after the restart',
    );
    await waitFor(
      () => a.doc.getText('text').toString() === b.doc.getText('text').toString(),
      'convergence',
    );

    const log = server.doc(docId);
    expect(server.text(docId)).toBe(a.doc.getText('text').toString());
    expect(a.doc.getText('text').length).toBe(20 + 10 + 'offline-a '.length);
    // Each stored update has its own updateId, each received id was stored exactly once.
    expect(new Set(log.updateIds.values()).size).toBe(log.updates.length);
    expect(log.updateIds.size).toBe(log.received.size);
    // The in-flight ones were resent with the same updateId and de-duplicated by the server.
    expect(a.stats.resent).toBeGreaterThan(0);
    expect(log.duplicates).toBeGreaterThan(0);
    expect(a.pendingUpdates).toBe(0);
    expect(b.pendingUpdates).toBe(0);
    // Every outbox entry was acknowledged once (merges aside).
    expect(a.stats.acked + b.stats.acked).toBe(log.updates.length);
  });

  it('reconnects after the server ends the session (io server disconnect)', async () => {
    const c = client();
    const handle = c.openDoc(randomUUID());
    await handle.whenSynced();
    server.disconnectAll();
    await waitFor(() => handle.status === 'offline', 'offline');
    handle.doc.getText('text').insert(0, 'back');
    await waitFor(() => handle.status === 'synced', 'synced again');
    expect(c.stats.connects).toBe(2);
    expect(server.handshakes).toEqual(['alice', 'alice']);
  });

  it('opens documents created while offline once connected', async () => {
    await server.stop();
    const c = client();
    const docId = randomUUID();
    const handle = c.openDoc(docId);
    handle.doc.getText('text').insert(0, 'written before any connection');
    await sleep(100);
    expect(['connecting', 'offline']).toContain(handle.status);
    await server.start();
    await handle.whenSynced();
    expect(server.text(docId)).toBe('written before any connection');
  });
});
