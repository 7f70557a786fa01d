import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { CaseMapLayersDto, DocumentDto, OpenResult } from '@coalesce/protocol';
import type { Actor } from '../support/fixtures.js';
import { expectStatus } from '../support/expect.js';
import { call, newUpdateId } from '../collab/collab-fixtures.js';

/** Creates a case map shared with the whole coalition (edit unless told otherwise). */
export async function createMap(
  actor: Actor,
  coalitionId: string,
  body: Record<string, unknown> = {},
): Promise<DocumentDto> {
  return expectStatus(
    await actor.client.post<DocumentDto>(`/coalitions/${coalitionId}/documents`, {
      title: `Map ${randomUUID().slice(0, 6)}`,
      kind: 'case-map',
      ...body,
    }),
    201,
  );
}

export async function layersOf(actor: Actor, mapId: string): Promise<CaseMapLayersDto> {
  return expectStatus(await actor.client.get<CaseMapLayersDto>(`/case-maps/${mapId}/layers`), 200);
}

/** The caller's organization's own layer of the map (created on first use). */
export async function ownLayerId(actor: Actor, mapId: string): Promise<string> {
  const own = (await layersOf(actor, mapId)).layers.find((l) => l.own);
  if (!own) throw new Error('no own layer');
  return own.docId;
}

/** Opens a document on a raw socket and returns the server's state in a fresh Y.Doc. */
export async function openDoc(
  socket: Socket,
  docId: string,
): Promise<{ doc: Y.Doc; result: OpenResult }> {
  const ack = await call<OpenResult>(socket, CollabEvents.DocOpen, { docId });
  if (!ack.ok) throw new Error(`doc:open ${docId}: ${ack.error.code} ${ack.error.message}`);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, ack.update);
  return { doc, result: ack };
}

/** Sends the changes `edit` makes to `doc` as one doc:update; returns the ack. */
export async function sendEdit(socket: Socket, docId: string, doc: Y.Doc, edit: () => void) {
  const before = Y.encodeStateVector(doc);
  edit();
  const update = Y.encodeStateAsUpdate(doc, before);
  return call<{ seq: number }>(socket, CollabEvents.DocUpdate, {
    docId,
    update,
    updateId: newUpdateId(),
  });
}
