import { randomUUID } from 'node:crypto';
import type { EntityChanged, PresenceState } from '@coalesce/protocol';
import type { CollabClient } from '../collab-client.js';
import { FakeCollabServer, createTestClient, waitFor } from '../testing/index.js';

describe('CollabClient: presence and entity changes', () => {
  let server: FakeCollabServer;
  const clients: CollabClient[] = [];
  const client = (token: string) => {
    const c = createTestClient(server, { getToken: async () => token });
    clients.push(c);
    return c;
  };
  const userIds = (state: PresenceState | undefined) =>
    (state?.members ?? []).map((m) => m.userId).sort();

  beforeEach(async () => {
    server = await FakeCollabServer.start();
  });

  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    await server.close();
  });

  it('join answers the current presence and pushes later changes', async () => {
    const coalitionId = randomUUID();
    const alice = client('alice');
    const bob = client('bob');
    const first = await alice.presence.join(coalitionId, { page: 'documents' });
    expect(userIds(first)).toEqual(['alice']);

    const seen: PresenceState[] = [];
    alice.presence.on('state', (s) => seen.push(s));
    await bob.presence.join(coalitionId, { page: 'members' });
    await waitFor(() => userIds(alice.presence.getState(coalitionId)).length === 2, 'bob seen');
    expect(userIds(seen.at(-1))).toEqual(['alice', 'bob']);

    const docId = randomUUID();
    await bob.presence.update(coalitionId, { page: 'documents', docId });
    await waitFor(
      () =>
        alice.presence.getState(coalitionId)?.members.find((m) => m.userId === 'bob')?.locations[0]
          ?.docId === docId,
      'bob moved',
    );

    await bob.presence.leave(coalitionId);
    await waitFor(() => userIds(alice.presence.getState(coalitionId)).length === 1, 'bob left');
    expect(bob.presence.getState(coalitionId)).toBeUndefined();
  });

  it('joins again after a reconnect', async () => {
    const coalitionId = randomUUID();
    const alice = client('alice');
    const bob = client('bob');
    await alice.presence.join(coalitionId, { page: 'home' });
    await bob.presence.join(coalitionId, { page: 'home' });
    await server.stop();
    await waitFor(() => alice.status === 'offline' && bob.status === 'offline');
    const after: PresenceState[] = [];
    alice.presence.on('state', (s) => after.push(s));
    await server.start();
    await waitFor(() => server.received.get('presence:join') === 4, 'both joined again');
    await waitFor(() => userIds(after.at(-1)).length === 2, 'both back');
  });

  it('a join made while offline completes after connecting', async () => {
    await server.stop();
    const alice = client('alice');
    const joined = alice.presence.join(randomUUID(), { page: 'home' });
    await server.start();
    expect(userIds(await joined)).toEqual(['alice']);
  });

  it('delivers entity:changed to the coalition subscribers', async () => {
    const coalitionId = randomUUID();
    const alice = client('alice');
    await alice.presence.join(coalitionId, { page: 'bills' });
    const changes: EntityChanged[] = [];
    alice.on('entity:changed', (c) => changes.push(c));
    const change: EntityChanged = {
      coalitionId,
      type: 'bill',
      id: randomUUID(),
      action: 'updated',
    };
    server.emitEntityChanged(change);
    await waitFor(() => changes.length === 1, 'entity change');
    expect(changes[0]).toEqual(change);
  });
});
