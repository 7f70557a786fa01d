import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabClient } from '@coalesce/collab-client';
import { CollabEvents } from '@coalesce/protocol';
import type { CollabAck, ErrorBody, ServerDisconnectMessage } from '@coalesce/protocol';
import { Lifecycle } from '../src/core/lifecycle/lifecycle.service.js';
import { UpdateCommitter } from '../src/modules/collab/update-committer.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { createCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import {
  call,
  createDocument,
  newUpdateId,
  next,
  rawSocket,
  waitUntil,
} from './collab/collab-fixtures.js';

let t: TestApp;
let owner: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  coalitionId = (await createCoalition(owner)).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

async function scrape(app: TestApp, headers: Record<string, string> = {}) {
  const res = await fetch(`${app.baseUrl}/api/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** Scrapes until `done` holds (at most 5 s), and returns the last scrape. */
async function scrapeUntil(app: TestApp, done: (text: string) => boolean) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const res = await scrape(app);
    if (done(res.text) || Date.now() > deadline) return res;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The value of one sample line (`name{labels} value`), or null when absent. */
function sample(text: string, series: string): number | null {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe('health probes', () => {
  it('answers liveness without touching a dependency, and readiness with the database checked', async () => {
    const live = await t
      .client()
      .get<{ status: string; uptimeSeconds: number }>('/api/health/live');
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('ok');
    const ready = await t.client().get<{
      status: string;
      shuttingDown: boolean;
      checks: Record<string, { status: string; latencyMs: number }>;
    }>('/api/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ready',
      shuttingDown: false,
      checks: { database: { status: 'up' } },
    });
    expect(ready.body.checks.redis).toBeUndefined();
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await t.client().request('GET', '/api/health/live', undefined, {
      'x-request-id': 'probe-123',
    });
    expect(given.headers.get('x-request-id')).toBe('probe-123');
    const forged = await t.client().request('GET', '/api/health/live', undefined, {
      'x-request-id': 'no spaces or <tags> allowed',
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await t.client().get<ErrorBody>('/coalitions/not-a-uuid');
    expect(failed.body.error.requestId).toBe(failed.headers.get('x-request-id'));
  });
});

describe('GET /api/metrics', () => {
  it('serves the Prometheus format with HTTP, socket and collaboration metrics', async () => {
    const doc = await createDocument(owner, coalitionId);
    const client = new CollabClient({ url: t.baseUrl, getToken: async () => owner.client.token! });
    const handle = client.openDoc(doc.id);
    await handle.whenSynced();
    handle.doc.getText('content').insert(0, 'measured');
    await waitUntil(() => handle.status === 'synced', 10_000, 'the ack');
    handle.awareness.setLocalStateField('user', { name: 'Maya' });
    try {
      // The awareness message is sent after a short throttle: wait until it was counted.
      const res = await scrapeUntil(
        t,
        (text) => (sample(text, 'coalesce_collab_awareness_messages_total') ?? 0) >= 1,
      );
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(sample(text, 'coalesce_collab_update_ack_seconds_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'coalesce_collab_commit_batch_size_count')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'coalesce_collab_commit_duration_seconds_count')).toBeGreaterThanOrEqual(
        1,
      );
      expect(sample(text, 'coalesce_collab_awareness_messages_total')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'coalesce_socket_connections{namespace="/collab"}')).toBe(1);
      expect(sample(text, 'coalesce_collab_open_documents')).toBe(1);
      expect(sample(text, 'coalesce_collab_compaction_backlog_documents')).toBe(0);
      expect(sample(text, 'coalesce_collab_state_cache_bytes')).toBeGreaterThan(0);
      // Route templates, never raw ids.
      expect(
        sample(
          text,
          'coalesce_http_request_duration_seconds_count{method="POST",route="/api/v1/coalitions/:id/documents",status="201"}',
        ),
      ).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(coalitionId);
      // Default process metrics, event-loop lag percentiles included.
      for (const name of [
        'process_resident_memory_bytes',
        'nodejs_heap_size_used_bytes',
        'nodejs_eventloop_lag_p99_seconds',
      ])
        expect(sample(text, name)).toBeGreaterThan(0);
    } finally {
      client.close();
    }
    const { text: after } = await scrapeUntil(
      t,
      (text) => sample(text, 'coalesce_socket_connections{namespace="/collab"}') === 0,
    );
    expect(sample(after, 'coalesce_socket_connections{namespace="/collab"}')).toBe(0);
    expect(sample(after, 'coalesce_collab_open_documents')).toBe(0);
  });

  it('counts refused updates by error code', async () => {
    const doc = await createDocument(owner, coalitionId);
    const socket = await rawSocket(t, owner.client.token);
    try {
      await call(socket, CollabEvents.DocOpen, { docId: doc.id });
      const ack = await call(socket, CollabEvents.DocUpdate, {
        docId: doc.id,
        update: new Uint8Array([1, 2, 3]),
        updateId: newUpdateId(),
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'INVALID_UPDATE' } });
      const { text } = await scrape(t);
      expect(
        sample(text, 'coalesce_collab_update_refusals_total{code="INVALID_UPDATE"}'),
      ).toBeGreaterThanOrEqual(1);
    } finally {
      socket.disconnect();
    }
  });

  it('without METRICS_TOKEN, refuses requests that came through a proxy', async () => {
    const proxied: Array<Record<string, string>> = [
      { 'x-forwarded-for': '203.0.113.7' },
      { forwarded: 'for=203.0.113.7' },
    ];
    for (const header of proxied) {
      const res = await t.client().request<ErrorBody>('GET', '/api/metrics', undefined, header);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('with METRICS_TOKEN, requires it as a bearer token', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const guarded = await startTestApp({ METRICS_TOKEN: token });
    try {
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${token}`]) {
        const res = await scrape(guarded, authorization ? { authorization } : {});
        expect(res.status).toBe(401);
        expect((JSON.parse(res.text) as ErrorBody).error.code).toBe('UNAUTHENTICATED');
      }
      const ok = await scrape(guarded, { authorization: `Bearer ${token}` });
      expect(ok.status).toBe(200);
      expect(ok.text).toContain('coalesce_http_request_duration_seconds');
      // From anywhere, with the token.
      const proxied = await scrape(guarded, {
        authorization: `Bearer ${token}`,
        'x-forwarded-for': '203.0.113.7',
      });
      expect(proxied.status).toBe(200);
    } finally {
      await guarded.close();
    }
  }, 60_000);
});

describe('graceful shutdown (in process)', () => {
  it('stops being ready, refuses new sockets, acks what it committed, then disconnects with a reason', async () => {
    const app = await startTestApp();
    try {
      const writer = await signUpOrg(app, 'writer');
      const coalition = (await createCoalition(writer)).id;
      const doc = await createDocument(writer, coalition);
      const socket = await rawSocket(app, writer.client.token);
      await call(socket, CollabEvents.DocOpen, { docId: doc.id });
      const local = new Y.Doc();
      const send = (text: string) => {
        const before = Y.encodeStateVector(local);
        local.getText('content').insert(0, text);
        const payload = {
          docId: doc.id,
          update: Y.encodeStateAsUpdate(local, before),
          updateId: newUpdateId(),
        };
        return call<{ seq: number }>(socket, CollabEvents.DocUpdate, payload, 10_000).then(
          (ack) => ({ updateId: payload.updateId, ack }),
          () => ({ updateId: payload.updateId, ack: null as CollabAck<{ seq: number }> | null }),
        );
      };

      const lifecycle = app.app.get(Lifecycle);
      lifecycle.beginShutdown('test');
      const ready = await app
        .client()
        .get<{ status: string; shuttingDown: boolean }>('/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', shuttingDown: true });
      expect((await app.client().get('/api/health/live')).status).toBe(200);
      const refused = await rawSocket(app, writer.client.token).then(
        (s) => {
          s.disconnect();
          return null;
        },
        (error: Error & { data?: { code?: string } }) => error.data?.code,
      );
      expect(refused).toBe('UNAVAILABLE');
      // Still draining: the open socket is served.
      const early = await send('before the steps. ');
      expect(early.ack).toMatchObject({ ok: true });

      // The shutdown steps start while the burst is entering the group commit: the 5th update of
      // the burst is queued (not yet written) when the committer closes.
      const committer = app.app.get(UpdateCommitter);
      const commit = committer.commit.bind(committer);
      let entered = 0;
      let steps: Promise<void> | null = null;
      committer.commit = (update, epoch) => {
        const queued = commit(update, epoch);
        if (++entered === 6) steps = lifecycle.runShutdownSteps();
        return queued;
      };
      const notice = next<ServerDisconnectMessage>(socket, CollabEvents.ServerDisconnect);
      const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      const burst = Array.from({ length: 30 }, (_, i) => send(`u${i} `));
      const results = [early, ...(await Promise.all(burst))];
      expect(steps).not.toBeNull();
      await steps;
      expect(await notice).toEqual({
        reason: 'server-shutdown',
        message: expect.stringMatching(/restarting/),
      });
      expect(await disconnected).toBe('io server disconnect');

      const acked = results.filter((r) => r.ack?.ok === true).map((r) => r.updateId);
      const refusedCodes = results
        .filter((r) => r.ack && r.ack.ok === false)
        .map((r) => (r.ack as { error: { code: string } }).error.code);
      // The early update and the first five of the burst at least (all queued before the close).
      expect(acked.length).toBeGreaterThanOrEqual(6);
      expect(results.slice(0, 6).every((r) => r.ack?.ok === true)).toBe(true);
      // Refused from the close on (UNAVAILABLE); updates that build on a refused one are out of
      // order. The client keeps all of them and resends them after reconnecting.
      expect(refusedCodes[0]).toBe('UNAVAILABLE');
      expect(refusedCodes.filter((c) => c !== 'UNAVAILABLE' && c !== 'OUT_OF_ORDER')).toEqual([]);
      const stored: Array<{ update_id: string }> = await app.db.query(
        'SELECT update_id FROM doc_updates WHERE doc_id = $1',
        [doc.id],
      );
      const storedIds = new Set(stored.map((r) => r.update_id));
      expect(acked.filter((id) => !storedIds.has(id))).toEqual([]);
    } finally {
      await app.close();
    }
  }, 60_000);
});
