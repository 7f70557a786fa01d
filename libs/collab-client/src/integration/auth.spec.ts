import { randomUUID } from 'node:crypto';
import type { CollabClient } from '../collab-client.js';
import type { ConnectionStatus } from '../types.js';
import { FakeCollabServer, createTestClient, sleep, waitFor } from '../testing/index.js';

describe('CollabClient: authentication', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];

  beforeEach(async () => {
    server = await FakeCollabServer.start();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('sends the token in the handshake auth', async () => {
    const c = createTestClient(server, { getToken: async () => 'token-1' });
    clients.push(c);
    await waitFor(() => c.status === 'connected', 'connected');
    expect(server.handshakes).toEqual(['token-1']);
  });

  it('on TOKEN_EXPIRED fetches a new token and connects with it', async () => {
    server.refuseAuth = { code: 'TOKEN_EXPIRED', times: 1 };
    let calls = 0;
    const c = createTestClient(server, { getToken: async () => `token-${++calls}` });
    clients.push(c);
    const handle = c.openDoc(randomUUID());
    await handle.whenSynced();
    expect(calls).toBe(2);
    expect(server.handshakes).toEqual(['token-1', 'token-2']);
    expect(c.status).toBe('connected');
    expect(c.lastError).toBeNull();
  });

  it('calls getToken again before every reconnect', async () => {
    let calls = 0;
    const c = createTestClient(server, { getToken: async () => `token-${++calls}` });
    clients.push(c);
    await waitFor(() => c.status === 'connected');
    await server.stop();
    await waitFor(() => c.status === 'offline');
    await server.start();
    await waitFor(() => c.status === 'connected');
    expect(server.handshakes).toEqual(['token-1', 'token-2']);
  });

  it('UNAUTHENTICATED ends in auth-failed without retrying; reconnect() tries again', async () => {
    server.refuseAuth = { code: 'UNAUTHENTICATED', times: 1 };
    const c = createTestClient(server);
    clients.push(c);
    const statuses: ConnectionStatus[] = [];
    c.on('status', (s) => statuses.push(s));
    const handle = c.openDoc(randomUUID());
    await waitFor(() => c.status === 'auth-failed', 'auth-failed');
    expect(c.lastError?.code).toBe('UNAUTHENTICATED');
    expect(handle.status).toBe('offline');
    await sleep(300);
    expect(server.handshakes).toHaveLength(1);

    c.reconnect();
    await handle.whenSynced();
    expect(statuses).toEqual(['auth-failed', 'connecting', 'connected']);
  });

  it('gives up after repeated TOKEN_EXPIRED (e.g. a clock skew the token source cannot fix)', async () => {
    server.refuseAuth = { code: 'TOKEN_EXPIRED', times: Infinity };
    const c = createTestClient(server);
    clients.push(c);
    await waitFor(() => c.status === 'auth-failed', 'auth-failed', 10_000);
    expect(server.handshakes.length).toBe(6);
  });

  it('a failing getToken() keeps retrying instead of giving up', async () => {
    let calls = 0;
    const c = createTestClient(server, {
      getToken: async () => {
        calls++;
        if (calls <= 2) throw new Error('refresh endpoint unreachable');
        return 'fresh';
      },
    });
    clients.push(c);
    await waitFor(() => c.status === 'connected', 'connected');
    expect(calls).toBe(3);
    expect(server.handshakes).toEqual(['', '', 'fresh']);
  });
});
