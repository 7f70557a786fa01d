import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { CollabAck, OpenResult, UpdateResult } from '@coalesce/protocol';
import { call, newUpdateId, rawSocket } from '../collab/collab-fixtures.js';
import type { Actor } from './fixtures.js';
import type { TestApp } from './test-app.js';

/** Opens a document over the socket and returns its content as TipTap's Y.XmlFragment. */
export async function openDocument(
  t: TestApp,
  actor: Actor,
): Promise<{ socket: Socket; open: (docId: string) => Promise<OpenedDoc> }> {
  const socket = await rawSocket(t, actor.client.token);
  return {
    socket,
    open: async (docId: string) => {
      const ack = await call<OpenResult>(socket, CollabEvents.DocOpen, { docId });
      if (!ack.ok) throw new Error(`doc:open refused: ${JSON.stringify(ack.error)}`);
      const ydoc = new Y.Doc();
      Y.applyUpdate(ydoc, new Uint8Array(ack.update));
      return new OpenedDoc(socket, docId, ydoc, ack.role);
    },
  };
}

export class OpenedDoc {
  constructor(
    readonly socket: Socket,
    readonly docId: string,
    readonly ydoc: Y.Doc,
    readonly role: string,
  ) {}

  get fragment(): Y.XmlFragment {
    return this.ydoc.getXmlFragment('default');
  }

  /** Appends a paragraph with `text` and sends the change; resolves with the ack. */
  async appendParagraph(text: string): Promise<CollabAck<UpdateResult>> {
    const before = Y.encodeStateVector(this.ydoc);
    const paragraph = new Y.XmlElement('paragraph');
    this.fragment.insert(this.fragment.length, [paragraph]);
    paragraph.insert(0, [new Y.XmlText(text)]);
    const update = Y.encodeStateAsUpdate(this.ydoc, before);
    return call<UpdateResult>(this.socket, CollabEvents.DocUpdate, {
      docId: this.docId,
      update,
      updateId: newUpdateId(),
    });
  }
}
