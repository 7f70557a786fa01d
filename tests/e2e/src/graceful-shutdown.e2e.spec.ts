/**
 * SIGTERM while a client streams updates, against the built API as a child process: /ready turns
 * 503 before the process exits, the socket is told why it is disconnected, the process exits 0, and
 * every update it acknowledged is in the database (read back by a restarted process).
 *
 * On the embedded database by default; on a throwaway database of DATABASE_URL's server when set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { CollabEvents } from '@coalesce/protocol';
import type { CollabAck, ServerDisconnectMessage } from '@coalesce/protocol';
import { startApi } from './support/api-server.js';
import type { RunningApi, StartApiOptions } from './support/api-server.js';
import {
  collabSocket,
  contains,
  createDoc,
  firstCoalition,
  readDoc,
} from './support/collab-wire.js';
import { accessToken } from './support/sign-in.js';
import { createThrowawayDatabase } from './support/throwaway-database.js';
import type { ThrowawayDatabase } from './support/throwaway-database.js';

const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

interface Sent {
  index: number;
  update: Uint8Array;
  sentAt: number;
  ack: CollabAck<{ seq: number }> | null;
  ackedAt: number | null;
}

/** A throwaway database of DATABASE_URL's server when set, else a new embedded one. */
async function freshStorage(): Promise<StartApiOptions> {
  if (process.env.DATABASE_URL) {
    const database: ThrowawayDatabase = await createThrowawayDatabase(process.env.DATABASE_URL);
    cleanups.push(() => database.drop());
    return { databaseUrl: database.url };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'coalesce-e2e-shutdown-'));
  cleanups.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir };
}

describe('graceful shutdown of the built API', () => {
  it('answers 503 on /ready, acks what it commits, says why it disconnects, and exits 0', async () => {
    const storage = await freshStorage();
    const env = { SHUTDOWN_DRAIN_MS: '600', SHUTDOWN_TIMEOUT_MS: '15000' };
    // Debug logs: the socket's connect and disconnect lines are checked below.
    const api: RunningApi = await startApi({ ...storage, env: { ...env, LOG_LEVEL: 'debug' } });
    cleanups.push(() => api.stop());

    const token = await accessToken(api.baseUrl, 'maya@polaris.demo');
    const docId = await createDoc(api.baseUrl, token, await firstCoalition(api.baseUrl, token));
    const socket = await collabSocket(api.baseUrl, token, { 'x-request-id': 'e2e-typist-1' });
    const socketId = socket.id;
    const opened = (await socket.emitWithAck(CollabEvents.DocOpen, { docId })) as CollabAck;
    expect(opened.ok).toBe(true);
    let notice: ServerDisconnectMessage | null = null;
    socket.on(CollabEvents.ServerDisconnect, (m: ServerDisconnectMessage) => (notice = m));
    let disconnectReason: string | null = null;
    socket.on('disconnect', (reason) => (disconnectReason = reason));

    // A typist: one insert every 10 ms, acks awaited concurrently.
    const local = new Y.Doc();
    const sent: Sent[] = [];
    const typing = setInterval(() => {
      if (!socket.connected) return;
      const before = Y.encodeStateVector(local);
      local.getText('content').insert(local.getText('content').length, `w${sent.length} `);
      const entry: Sent = {
        index: sent.length,
        update: Y.encodeStateAsUpdate(local, before),
        sentAt: Date.now(),
        ack: null,
        ackedAt: null,
      };
      sent.push(entry);
      socket
        .timeout(10_000)
        .emitWithAck(CollabEvents.DocUpdate, {
          docId,
          update: entry.update,
          updateId: `shutdown-${docId}-${entry.index}`,
        })
        .then(
          (ack: CollabAck<{ seq: number }>) => {
            entry.ack = ack;
            entry.ackedAt = Date.now();
          },
          () => undefined, // no answer: not acknowledged
        );
    }, 10);

    // Probe readiness every 20 ms until the process is gone.
    const probes: Array<{ at: number; status: number | 'refused' }> = [];
    let exitedAt: number | null = null;
    const probing = (async () => {
      // A probe counts at the time its answer arrived: one sent just before SIGTERM may be answered
      // after it, by a node that is already draining.
      while (exitedAt === null) {
        try {
          const res = await fetch(`${api.baseUrl}/api/health/ready`);
          await res.text();
          probes.push({ at: Date.now(), status: res.status });
        } catch {
          probes.push({ at: Date.now(), status: 'refused' });
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();

    await new Promise((r) => setTimeout(r, 1500));
    const terminatedAt = Date.now();
    api.kill('SIGTERM');
    const exit = await api.exited;
    exitedAt = Date.now();
    clearInterval(typing);
    await probing;
    socket.disconnect();

    expect({ exit, output: exit.code === 0 ? '' : api.output() }).toEqual({
      exit: { code: 0, signal: null },
      output: '',
    });
    expect(exitedAt - terminatedAt).toBeLessThan(15_000);
    const before = probes.filter((p) => p.at < terminatedAt);
    const after = probes.filter((p) => p.at >= terminatedAt);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((p) => p.status === 200)).toBe(true);
    // The signal takes a moment to be handled; from the first 503 on, never ready again.
    const firstNotReady = after.findIndex((p) => p.status === 503);
    expect(firstNotReady).toBeGreaterThanOrEqual(0);
    expect(after.slice(firstNotReady).some((p) => p.status === 200)).toBe(false);
    expect(notice).toEqual({ reason: 'server-shutdown', message: expect.any(String) });
    expect(disconnectReason).toBe('io server disconnect');

    const acked = sent.filter((s) => s.ack?.ok === true);
    const refused = sent.filter((s) => s.ack && s.ack.ok === false);
    expect(acked.length).toBeGreaterThan(20);
    // The node kept serving during the drain delay after SIGTERM.
    expect(acked.some((s) => s.sentAt > terminatedAt)).toBe(true);
    // Refused ones are refused because of the shutdown, and only after SIGTERM.
    for (const s of refused) {
      expect(s.sentAt).toBeGreaterThanOrEqual(terminatedAt);
      expect(['UNAVAILABLE', 'OUT_OF_ORDER']).toContain(
        (s.ack as { error: { code: string } }).error.code,
      );
    }

    // Logs: every request line carries its request id; the socket's lines carry the socket id and
    // the handshake's request id (here the one a proxy would send); each shutdown step is logged.
    const lines = api
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown> & { msg?: string });
    const requests = lines.filter((l) => l.msg === 'request completed');
    expect(requests.length).toBeGreaterThan(1);
    for (const line of requests)
      expect(line.reqId).toBe((line.req as { id: string } | undefined)?.id ?? 'missing');
    const connected = lines.find((l) => l.msg === 'socket connected' && l.reqId === 'e2e-typist-1');
    expect(connected).toMatchObject({ socketId, userId: expect.any(String) });
    expect(
      lines.find((l) => l.msg === 'socket disconnected' && l.reqId === 'e2e-typist-1'),
    ).toMatchObject({ socketId, reason: 'server namespace disconnect' });
    const messages = lines.map((l) => l.msg ?? '');
    for (const step of [
      /^SIGTERM: not ready any more/,
      /^collab: write and acknowledge pending group commits: done/,
      /^collab: disconnect sockets .*: done/,
      /^collab: compact the logs .*: done/,
      /^stopped in \d+ ms$/,
    ])
      expect({ step: String(step), logged: messages.some((m) => step.test(m)) }).toEqual({
        step: String(step),
        logged: true,
      });

    // Every acknowledged update is stored: a restarted process serves all of them.
    const again = await startApi({ ...storage, env });
    cleanups.push(() => again.stop());
    const againToken = await accessToken(again.baseUrl, 'maya@polaris.demo');
    const stored = await readDoc(again.baseUrl, againToken, docId);
    const text = stored.getText('content').toString();
    const missing = acked.filter(
      (s) => !contains(stored, s.update) || !text.includes(`w${s.index} `),
    );
    expect(missing.map((s) => s.index)).toEqual([]);
    await again.stop();
  }, 180_000);

  it('is not held up by health checks polling over keep-alive connections', async () => {
    // Before, a request in flight on a keep-alive connection when the HTTP server began to close
    // kept that connection open, and the next poll kept it busy: the process hung until its
    // shutdown timeout (exit 1) about half the time.
    const api = await startApi({
      ...(await freshStorage()),
      env: { SHUTDOWN_DRAIN_MS: '200', SHUTDOWN_TIMEOUT_MS: '10000' },
    });
    cleanups.push(() => api.stop());
    let exited = false;
    const poll = async () => {
      while (!exited) {
        try {
          await (await fetch(`${api.baseUrl}/api/health/ready`)).text();
        } catch {
          await new Promise((r) => setTimeout(r, 5));
        }
      }
    };
    const pollers = Array.from({ length: 4 }, poll);
    await new Promise((r) => setTimeout(r, 500));
    const terminatedAt = Date.now();
    api.kill('SIGTERM');
    const exit = await api.exited;
    exited = true;
    await Promise.all(pollers);
    expect(exit).toEqual({ code: 0, signal: null });
    expect(Date.now() - terminatedAt).toBeLessThan(8000);
  }, 120_000);
});
