import { randomUUID } from 'node:crypto';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { readMap } from '@coalesce/case-map';
import type { MapActor, MapDocs } from '@coalesce/case-map';
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

/**
 * A map opened on a raw socket the way a client holds it: the shared document and the private
 * layers the actor may open (its own first), kept up to date with the server's broadcasts.
 */
export class MapSession {
  readonly shared = new Y.Doc();
  readonly layers = new Map<string, Y.Doc>();
  readonly docIds = new Map<Y.Doc, string>();
  readonly roles = new Map<string, string>();

  private constructor(
    readonly socket: Socket,
    readonly actor: MapActor,
  ) {
    socket.on(CollabEvents.DocUpdate, (message: { docId: string; update: Uint8Array }) => {
      for (const [doc, docId] of this.docIds)
        if (docId === message.docId) Y.applyUpdate(doc, message.update, 'remote');
    });
  }

  static async open(socket: Socket, who: Actor, mapId: string): Promise<MapSession> {
    const session = new MapSession(socket, {
      orgId: who.me.organization.id,
      userId: who.me.id,
    });
    await session.openInto(mapId, session.shared);
    for (const layer of (await layersOf(who, mapId)).layers) {
      const doc = new Y.Doc();
      await session.openInto(layer.docId, doc);
      session.layers.set(layer.organization.id, doc);
    }
    return session;
  }

  get docs(): MapDocs {
    return { shared: this.shared, layers: this.layers };
  }

  get view() {
    return readMap(this.docs);
  }

  /** Runs a model edit and sends what changed in each document; fails on a refused update. */
  async edit(change: (docs: MapDocs, actor: MapActor) => void): Promise<void> {
    const pending = new Map<Y.Doc, Uint8Array[]>();
    const listeners = [...this.docIds.keys()].map((doc) => {
      const listener = (update: Uint8Array, origin: unknown) => {
        if (origin === 'remote') return;
        pending.set(doc, [...(pending.get(doc) ?? []), update]);
      };
      doc.on('update', listener);
      return () => doc.off('update', listener);
    });
    try {
      change(this.docs, this.actor);
    } finally {
      listeners.forEach((off) => off());
    }
    for (const [doc, updates] of pending) {
      const ack = await call<{ seq: number }>(this.socket, CollabEvents.DocUpdate, {
        docId: this.docIds.get(doc),
        update: Y.mergeUpdates(updates),
        updateId: newUpdateId(),
      });
      if (!ack.ok) throw new Error(`doc:update refused: ${ack.error.code} ${ack.error.message}`);
    }
  }

  private async openInto(docId: string, doc: Y.Doc): Promise<void> {
    const ack = await call<OpenResult>(this.socket, CollabEvents.DocOpen, { docId });
    if (!ack.ok) throw new Error(`doc:open ${docId}: ${ack.error.code} ${ack.error.message}`);
    Y.applyUpdate(doc, ack.update, 'remote');
    this.docIds.set(doc, docId);
    this.roles.set(docId, ack.role);
  }
}
