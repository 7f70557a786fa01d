import { randomUUID } from 'node:crypto';
import type { CollabClient } from '../collab-client.js';
import { FakeCollabServer, createTestClient, sleep, waitFor } from '../testing/index.js';

describe('CollabClient: awareness', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];
  const client = (token: string) => {
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

  it('a local state reaches the other client and is removed when the handle closes', async () => {
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);

    a.awareness.setLocalStateField('user', { name: 'Alice', color: '#f00' });
    const aId = a.doc.clientID;
    await waitFor(() => b.awareness.getStates().get(aId)?.user?.name === 'Alice', 'state on b');

    const sentBefore = a.stats.awarenessSent;
    await a.close();
    expect(a.stats.awarenessSent).toBe(sentBefore + 1); // the null state
    await waitFor(() => !b.awareness.getStates().has(aId), 'state removed on b');
    expect(server.awarenessRefused).toBe(0);
    // The closing client forgot the others' states too.
    expect([...a.awareness.getStates().keys()].filter((id) => id !== aId)).toEqual([]);
  });

  it('a client that opens later learns the states of those already there', async () => {
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    await a.whenSynced();
    a.awareness.setLocalStateField('user', { name: 'Alice' });
    await sleep(60);
    const b = client('bob').openDoc(docId);
    await b.whenSynced();
    await waitFor(
      () => b.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Alice',
      'alice',
    );
  });

  it('reappears for the others after its own connection dropped (server announced it gone)', async () => {
    const docId = randomUUID();
    const cb = client('bob');
    const a = client('alice').openDoc(docId);
    const b = cb.openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    b.awareness.setLocalStateField('user', { name: 'Bob' });
    const bId = b.doc.clientID;
    await waitFor(() => a.awareness.getStates().has(bId), 'bob on a');

    cb.socket.io.engine.close(); // network drop; Socket.IO reconnects by itself
    await waitFor(() => !a.awareness.getStates().has(bId), 'bob removed on a');
    await waitFor(() => b.status === 'synced' && b.stats.opens === 2, 'bob back');
    await waitFor(() => a.awareness.getStates().get(bId)?.user?.name === 'Bob', 'bob again on a');
  });

  it('throttles a burst of local changes but always delivers the last one', async () => {
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    const before = a.stats.awarenessSent;
    for (let i = 0; i <= 100; i++) a.awareness.setLocalStateField('cursor', i);
    await waitFor(() => b.awareness.getStates().get(a.doc.clientID)?.cursor === 100, 'last cursor');
    await sleep(80);
    expect(a.stats.awarenessSent - before).toBeLessThanOrEqual(3);
  });

  it('sends only its own clientID, and re-sends its state after a reconnect', async () => {
    const docId = randomUUID();
    const a = client('alice').openDoc(docId);
    const b = client('bob').openDoc(docId);
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    a.awareness.setLocalStateField('user', { name: 'Alice' });
    await waitFor(() => b.awareness.getStates().has(a.doc.clientID));
    // b now knows a's state; if b echoed it, the server would refuse (binding), see stats below.
    await server.stop();
    await waitFor(() => a.status === 'offline' && b.status === 'offline');
    b.awareness.setLocalStateField('user', { name: 'Bob' });
    await server.start();
    await Promise.all([a.whenSynced(), b.whenSynced()]);
    await waitFor(() => a.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bob', 'bob');
    await waitFor(() => server.awarenessStates(docId).size === 2, 'both states on the server');
    expect([...server.awarenessStates(docId).keys()].sort()).toEqual(
      [a.doc.clientID, b.doc.clientID].sort(),
    );
    expect(server.awarenessRefused).toBe(0);
  });
});
