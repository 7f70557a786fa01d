import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import { COLLAB_NAMESPACE, CollabEvents, collabWireParser } from '@coalesce/protocol';
import type { CollabAck, OpenResult } from '@coalesce/protocol';

/** REST helper for the black-box tests: JSON in and out, bearer token, throws on a non-2xx. */
export async function rest<T>(
  baseUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** The first coalition of the signed-in user (GET /me). */
export async function firstCoalition(baseUrl: string, token: string): Promise<string> {
  const me = await rest<{ coalitions: Array<{ id: string }> }>(baseUrl, 'GET', 'me', token);
  return me.coalitions[0].id;
}

export async function createDoc(baseUrl: string, token: string, coalitionId: string) {
  const doc = await rest<{ id: string }>(
    baseUrl,
    'POST',
    `coalitions/${coalitionId}/documents`,
    token,
    { title: `Black-box ${Date.now()}`, kind: 'note' },
  );
  return doc.id;
}

/** A protocol-level /collab socket (no reconnection: the test decides). */
export async function collabSocket(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<Socket> {
  const socket = io(`${baseUrl}${COLLAB_NAMESPACE}`, {
    auth: { token },
    extraHeaders: headers,
    transports: ['websocket'],
    parser: collabWireParser,
    reconnection: false,
    forceNew: true,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The document's whole state as the server has it, read through a fresh doc:open. */
export async function readDoc(baseUrl: string, token: string, docId: string): Promise<Y.Doc> {
  const socket = await collabSocket(baseUrl, token);
  try {
    const ack = (await socket
      .timeout(15_000)
      .emitWithAck(CollabEvents.DocOpen, { docId })) as CollabAck<OpenResult>;
    if (!ack.ok) throw new Error(`doc:open: ${ack.error.code} ${ack.error.message}`);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(ack.update));
    return doc;
  } finally {
    socket.disconnect();
  }
}

/** True when `doc` already holds everything `update` carries (its structs are covered). */
export function contains(doc: Y.Doc, update: Uint8Array): boolean {
  const sv = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of Y.parseUpdateMeta(update).to)
    if ((sv.get(client) ?? 0) < clock) return false;
  return true;
}
