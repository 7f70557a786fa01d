import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import type { CollabAck, DocumentDto } from '@coalesce/protocol';
import type { Actor } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

/** A raw protocol-level socket on /collab, authenticated as `actor`. */
export async function rawSocket(t: TestApp, token: string | null): Promise<Socket> {
  const socket = io(`${t.baseUrl}/collab`, {
    auth: token ? { token } : {},
    transports: ['websocket'],
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
