/**
 * The scale-out deployment, black box: two built API processes on one PostgreSQL database and one
 * Redis, behind a round-robin reverse proxy with no sticky sessions (what deploy/nginx.conf does).
 * Clients only know the proxy's address. Needs a PostgreSQL server (DATABASE_URL; each run creates
 * and drops its own database) and Redis (REDIS_URL, default redis://127.0.0.1:6379): the embedded
 * database is single-process.
 *
 * The proxy is deploy/nginx.conf run by real nginx when NGINX_BIN names an nginx binary, else a
 * tiny round-robin proxy in Node (support/round-robin-proxy.ts) that behaves alike.
 *
 * The in-process two-node tests (apps/api/test/collab/multi-node.spec.ts) cover a dropped broadcast,
 * revocation and notifications across nodes; this file covers the deployment shape: separate
 * processes, the proxy, and a rolling restart.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabClient } from '@coalesce/collab-client';
import type { DocHandle } from '@coalesce/collab-client';
import type { PresenceState } from '@coalesce/protocol';
import { startApi } from './support/api-server.js';
import type { RunningApi } from './support/api-server.js';
import { createDoc, firstCoalition, readDoc } from './support/collab-wire.js';
import { startNginxProxy } from './support/nginx-proxy.js';
import type { ReverseProxy } from './support/nginx-proxy.js';
import { startRoundRobinProxy } from './support/round-robin-proxy.js';
import { accessToken } from './support/sign-in.js';
import { createThrowawayDatabase } from './support/throwaway-database.js';
import type { ThrowawayDatabase } from './support/throwaway-database.js';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const scaleOut = process.env.DATABASE_URL ? describe : describe.skip;
if (!process.env.DATABASE_URL)
  console.log('scale-out.e2e: skipped (needs DATABASE_URL: two processes share one PostgreSQL)');

const USERS = ['maya@polaris.demo', 'grace@solidarity.demo', 'priya@heal.demo', 'alex@hua.demo'];
const JWT_SECRET = 'scale-out-e2e-secret-shared-by-both-nodes-0123456789';

let database: ThrowawayDatabase;
let nodes: RunningApi[] = [];
let proxy: ReverseProxy;
const tokens = new Map<string, string>();
let coalitionId: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  if (!process.env.DATABASE_URL) return;
  database = await createThrowawayDatabase(process.env.DATABASE_URL);
  const env = {
    REDIS_URL,
    JWT_SECRET,
    SHUTDOWN_DRAIN_MS: '500',
    // The node that leaves in the rolling restart compacts at shutdown while the other writes.
    COLLAB_COMPACT_ON_SHUTDOWN_AFTER_UPDATES: '1',
  };
  // One after the other: the first runs the migrations and the demo seed.
  nodes.push(await startApi({ databaseUrl: database.url, env, timeoutMs: 180_000 }));
  nodes.push(await startApi({ databaseUrl: database.url, env, timeoutMs: 180_000 }));
  const ports: [number, number] = [nodes[0].port, nodes[1].port];
  proxy = process.env.NGINX_BIN
    ? await startNginxProxy(process.env.NGINX_BIN, ports)
    : await startRoundRobinProxy(ports);
  for (const email of USERS) tokens.set(email, await accessToken(proxy.url, email));
  coalitionId = await firstCoalition(proxy.url, tokens.get(USERS[0])!);
}, 420_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await proxy?.close();
  await Promise.all(nodes.map((n) => n.stop()));
  await database?.drop();
});

function connect(email: string): CollabClient {
  const client = new CollabClient({
    url: proxy.url,
    getToken: async () => tokens.get(email)!,
    reconnectionDelayMs: 100,
    reconnectionDelayMaxMs: 500,
    gapRepairDelayMs: 100,
  });
  clients.push(client);
  return client;
}

async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const textOf = (h: DocHandle) => h.doc.getText('content').toString();

/** Sockets connected to a node, from its own /api/metrics (loopback, no token needed). */
async function socketsOn(node: RunningApi): Promise<number> {
  const text = await (await fetch(`${node.baseUrl}/api/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith('coalesce_socket_connections{namespace="/collab"} '));
  return Number(line?.split(' ')[1] ?? NaN);
}

scaleOut('two API processes behind a reverse proxy', () => {
  it('reports both nodes ready with the database and Redis checked', async () => {
    for (const node of nodes) {
      const res = await fetch(`${node.baseUrl}/api/health/ready`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        status: 'ready',
        checks: { database: { status: 'up' }, redis: { status: 'up' } },
      });
    }
  });

  it('converges: clients spread over both nodes type into one document at once', async () => {
    const docId = await createDoc(proxy.url, tokens.get(USERS[0])!, coalitionId);
    const handles = USERS.flatMap((email) => [connect(email), connect(email)]).map((c) =>
      c.openDoc(docId),
    );
    await Promise.all(handles.map((h) => h.whenSynced()));
    // No stickiness, and both nodes serve: each holds some of the 8 connections.
    const spread = await Promise.all(nodes.map(socketsOn));
    expect(spread.reduce((a, b) => a + b, 0)).toBe(8);
    expect(spread.every((n) => n > 0)).toBe(true);

    for (let round = 0; round < 15; round++) {
      handles.forEach((h, i) => h.doc.getText('content').insert(0, `c${i}r${round} `));
      await new Promise((r) => setTimeout(r, 20));
    }
    await until(
      () => handles.every((h) => h.status === 'synced' && textOf(h) === textOf(handles[0])),
      30_000,
      'every replica to converge',
    );
    expect(textOf(handles[0]).split(' ').filter(Boolean)).toHaveLength(8 * 15);
    for (const node of nodes) {
      const stored = await readDoc(node.baseUrl, tokens.get(USERS[0])!, docId);
      expect(stored.getText('content').toString()).toBe(textOf(handles[0]));
    }
  }, 120_000);

  it('shows presence from both nodes to everyone', async () => {
    const members = USERS.map((email) => connect(email));
    const seen = members.map(() => null as PresenceState | null);
    members.forEach((m, i) => m.presence.on('state', (s: PresenceState) => (seen[i] = s)));
    await Promise.all(members.map((m) => m.presence.join(coalitionId, { page: 'documents' })));
    await until(
      () => seen.every((s) => (s?.members.length ?? 0) === USERS.length),
      15_000,
      'every client to see all four users',
    );
    members[0].close();
    await until(
      () => seen.slice(1).every((s) => (s?.members.length ?? 0) === USERS.length - 1),
      15_000,
      'the others to see the closed client go',
    );
    for (const m of members.slice(1)) m.close();
  }, 60_000);

  it('survives a rolling restart: SIGTERM one node while everyone types; nothing acked is lost', async () => {
    const docId = await createDoc(proxy.url, tokens.get(USERS[0])!, coalitionId);
    const handles = USERS.flatMap((email) => [connect(email), connect(email)]).map((c) =>
      c.openDoc(docId),
    );
    await Promise.all(handles.map((h) => h.whenSynced()));
    let round = 0;
    const typing = setInterval(() => {
      handles.forEach((h, i) => h.doc.getText('content').insert(0, `k${i}r${round} `));
      round += 1;
    }, 40);
    await new Promise((r) => setTimeout(r, 800));

    const [leaving, staying] = nodes;
    leaving.kill('SIGTERM');
    const exit = await leaving.exited;
    await new Promise((r) => setTimeout(r, 800));
    clearInterval(typing);
    expect(exit).toEqual({ code: 0, signal: null });

    // Everyone is back (through the proxy, on the node that stays) with an empty outbox.
    await until(
      () => handles.every((h) => h.status === 'synced' && h.pendingUpdates === 0),
      30_000,
      'every client to resend and drain its outbox on the other node',
    );
    await until(
      () => handles.every((h) => textOf(h) === textOf(handles[0])),
      15_000,
      'every replica to converge',
    );
    // Every open client (these 8 and the 8 of the convergence test) is now on the node that stays.
    expect(await socketsOn(staying)).toBe(clients.filter((c) => c.status !== 'closed').length);
    const stored = await readDoc(staying.baseUrl, tokens.get(USERS[0])!, docId);
    expect(stored.getText('content').toString()).toBe(textOf(handles[0]));
    // Every word every client typed is there (its outbox drained: all of them were acked).
    const words = new Set(stored.getText('content').toString().split(' ').filter(Boolean));
    expect(words.size).toBe(handles.length * round);
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(handles[0].doc));
    nodes = [staying];
    await leaving.stop();
  }, 180_000);
});
