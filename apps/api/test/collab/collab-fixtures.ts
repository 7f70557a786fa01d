import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { collabWireParser } from '@coalesce/protocol';
import type { CollabAck, DocumentDto } from '@coalesce/protocol';
import type { Actor } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

/** A raw protocol-level socket on /collab, authenticated as `actor`. */
export async function rawSocket(t: TestApp, token: string | null): Promise<Socket> {
  const socket = io(`${t.baseUrl}/collab`, {
    auth: token ? { token } : {},
    transports: ['websocket'],
    parser: collabWireParser,
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

/** Emits with an ack and a timeout. */
export function call<T extends object = object>(
  socket: Socket,
  event: string,
  payload: unknown,
  timeoutMs = 5000,
): Promise<CollabAck<T>> {
  return socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<CollabAck<T>>;
}

export async function createDocument(
  actor: Actor,
  coalitionId: string,
  body: Record<string, unknown> = {},
): Promise<DocumentDto> {
  const res = await actor.client.post<DocumentDto>(`/coalitions/${coalitionId}/documents`, {
    title: `Plan ${randomUUID().slice(0, 6)}`,
    kind: 'plan',
    ...body,
  });
  if (res.status !== 201)
    throw new Error(`create document answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export const newUpdateId = () => randomUUID();

/** Resolves with the next `event` payload matching `predicate`. */
export function next<T>(
  socket: Socket,
  event: string,
  predicate: (payload: T) => boolean = () => true,
  timeoutMs = 5000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, listener);
      reject(new Error(`no ${event} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (payload: T) => {
      if (!predicate(payload)) return;
      clearTimeout(timer);
      socket.off(event, listener);
      resolve(payload);
    };
    socket.on(event, listener);
  });
}

/** Polls `condition` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(
  condition: () => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Deterministic PRNG (xorshift32) so a failing random test can be replayed from its seed. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}
