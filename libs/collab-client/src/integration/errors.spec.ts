import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { CollabClient } from '../collab-client.js';
import type { CollabError } from '@coalesce/protocol';
import { FakeCollabServer, createTestClient, sleep, waitFor } from '../testing/index.js';

describe('CollabClient: error acks', () => {
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

  it('INVALID_UPDATE drops the entry, sets error and does not loop', async () => {
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    const errors: CollabError[] = [];
    handle.on('error', (e) => errors.push(e));
    server.failUpdates = { code: 'INVALID_UPDATE', times: Infinity };
    handle.doc.getText('text').insert(0, 'refused');
    await waitFor(() => handle.status === 'error', 'error status');
    await sleep(200);
    expect(handle.lastError?.code).toBe('INVALID_UPDATE');
    expect(errors.map((e) => e.code)).toEqual(['INVALID_UPDATE']);
    expect(handle.pendingUpdates).toBe(0);
    expect(handle.stats.dropped).toBe(1);
    expect(server.received.get('doc:update')).toBe(1);
    await expect(handle.whenSynced()).rejects.toMatchObject({ code: 'INVALID_UPDATE' });

    // Later changes are still sent; the status stays `error` until cleared.
    server.failUpdates = null;
    handle.doc.getText('text').insert(0, 'accepted ');
    await waitFor(
      () => server.doc(docId).updates.length === 1 && handle.pendingUpdates === 0,
      'next update stored and acknowledged',
    );
    expect(handle.status).toBe('error');
    handle.clearError();
    expect(handle.status).toBe('synced');
  });

  it('RATE_LIMITED is retried with backoff until it goes through', async () => {
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    server.failUpdates = { code: 'RATE_LIMITED', times: 3 };
    handle.doc.getText('text').insert(0, 'eventually');
    await waitFor(() => handle.status === 'synced' && handle.pendingUpdates === 0, 'saved');
    expect(handle.stats.retried).toBe(3);
    expect(server.text(docId)).toBe('eventually');
    expect(server.doc(docId).updates).toHaveLength(1);
  });

  it('a rate-limited entry in a full pipeline: the ones behind it come back OUT_OF_ORDER and go again', async () => {
    server.ackDelayMs = 20;
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    const statuses: string[] = [];
    handle.on('status', (s) => statuses.push(s));
    server.failUpdates = { code: 'RATE_LIMITED', times: 1 };
    // One outbox entry per insert (the outbox flushes on a microtask), all emitted before any I/O
    // runs, so the refusal of the first cannot arrive before the other seven are on the wire.
    for (let i = 0; i < 8; i++) {
      handle.doc.getText('text').insert(i, String(i));
      await Promise.resolve();
    }
    await waitFor(() => handle.status === 'synced' && handle.pendingUpdates === 0, 'saved');
    expect(server.text(docId)).toBe('01234567');
    expect(server.updateRefusals.get('OUT_OF_ORDER')).toBeGreaterThan(0);
    expect(handle.stats.dropped).toBe(0);
    expect(handle.stats.resent).toBeGreaterThan(1);
    expect(statuses).not.toContain('error');
  });

  it('after a dropped entry, OUT_OF_ORDER makes the client send what the server is missing', async () => {
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    server.failUpdates = { code: 'INVALID_UPDATE', times: 1 };
    handle.doc.getText('text').insert(0, 'refused ');
    await waitFor(() => handle.status === 'error', 'dropped');
    handle.doc.getText('text').insert(8, 'then more');
    await waitFor(() => handle.pendingUpdates === 0, 'repaired');
    expect(server.updateRefusals.get('OUT_OF_ORDER')).toBe(1);
    expect(handle.stats.baseRepairs).toBe(1);
    expect(server.text(docId)).toBe('refused then more');
  });

  it('stops sending (error OUT_OF_ORDER) when the missing changes can never be stored', async () => {
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    const clientId = handle.doc.clientID;
    // Anything containing the first change of this client is refused, forever.
    server.updateFilter = (update) =>
      Y.decodeUpdate(update).structs.some((s) => s.id.client === clientId && s.id.clock === 0)
        ? 'INVALID_UPDATE'
        : null;
    handle.doc.getText('text').insert(0, 'poison ');
    await waitFor(() => handle.stats.dropped === 1, 'dropped');
    handle.doc.getText('text').insert(7, 'and after');
    await waitFor(() => handle.lastError?.code === 'OUT_OF_ORDER', 'stalled');
    const sent = server.received.get('doc:update');
    await sleep(300);
    expect(server.received.get('doc:update')).toBe(sent);
    expect(sent).toBeLessThanOrEqual(8);
    expect(handle.status).toBe('error');
    expect(handle.pendingUpdates).toBe(1);
  });

  it('DOC_NOT_OPEN re-opens the document on the same connection and resends', async () => {
    const docId = randomUUID();
    const c = client();
    const handle = c.openDoc(docId);
    await handle.whenSynced();
    server.forgetOpenDocs();
    handle.doc.getText('text').insert(0, 'after a lost open');
    await waitFor(() => handle.status === 'synced' && handle.stats.opens === 2, 're-open');
    expect(server.text(docId)).toBe('after a lost open');
    expect(handle.stats.resent).toBe(1);
    expect(c.stats.connects).toBe(1);
  });

  it('a refused open (FORBIDDEN) sets error and is not retried', async () => {
    server.failOpens = { code: 'FORBIDDEN', times: Infinity };
    const handle = client().openDoc(randomUUID());
    await expect(handle.whenSynced()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await sleep(150);
    expect(server.received.get('doc:open')).toBe(1);
  });

  it('a transient open failure (UNAVAILABLE) is retried', async () => {
    server.failOpens = { code: 'UNAVAILABLE', times: 2 };
    const handle = client().openDoc(randomUUID());
    await handle.whenSynced();
    expect(server.received.get('doc:open')).toBe(3);
  });

  it('with role view, local changes are discarded instead of sent', async () => {
    const docId = randomUUID();
    server.roles.set(docId, 'view');
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    expect(handle.role).toBe('view');
    handle.doc.getText('text').insert(0, 'scribble');
    await sleep(50);
    expect(handle.status).toBe('synced');
    expect(handle.stats.discarded).toBe(1);
    expect(server.received.get('doc:update') ?? 0).toBe(0);
  });

  it('doc:revoked stops the handle: error, revoked, nothing sent any more', async () => {
    const docId = randomUUID();
    const handle = client().openDoc(docId);
    await handle.whenSynced();
    server.revoke(docId, 'removed-from-coalition');
    await waitFor(() => handle.status === 'error', 'revoked');
    expect(handle.revoked).toBe(true);
    expect(handle.lastError?.code).toBe('FORBIDDEN');
    handle.doc.getText('text').insert(0, 'too late');
    await sleep(50);
    expect(server.received.get('doc:update') ?? 0).toBe(0);
    handle.clearError();
    expect(handle.status).toBe('error');

    // Not re-opened after a reconnect either.
    server.disconnectAll();
    await waitFor(() => server.connectedSockets === 1, 'reconnected');
    await sleep(50);
    expect(server.received.get('doc:open')).toBe(1);
  });

  it('an update too large for the server is dropped without being sent', async () => {
    const handle = client().openDoc(randomUUID());
    await handle.whenSynced();
    const big = 'x'.repeat(1024 * 1024 + 1);
    handle.doc.getText('text').insert(0, big);
    await waitFor(() => handle.status === 'error', 'error');
    expect(handle.lastError?.code).toBe('PAYLOAD_TOO_LARGE');
    expect(server.received.get('doc:update') ?? 0).toBe(0);
    expect(server.connectedSockets).toBe(1);
  });
});
