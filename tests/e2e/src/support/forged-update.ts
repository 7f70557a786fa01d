import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import * as Y from 'yjs';
import { COLLAB_NAMESPACE, CollabEvents, collabWireParser } from '@coalesce/protocol';
import type { CollabAck } from '@coalesce/protocol';

/**
 * Speaks the /collab protocol directly, as a tampered client would: opens the document and sends
 * a well-formed Yjs update, bypassing the read-only editor. Returns the server's ack.
 */
export async function forgeUpdate(
  baseUrl: string,
  token: string,
  docId: string,
  text: string,
): Promise<CollabAck<object>> {
  const socket = io(`${baseUrl}${COLLAB_NAMESPACE}`, {
    auth: { token },
    transports: ['websocket'],
    parser: collabWireParser,
    reconnection: false,
    forceNew: true,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const doc = new Y.Doc();
    const opened = (await socket.timeout(5000).emitWithAck(CollabEvents.DocOpen, {
      docId,
      stateVector: Y.encodeStateVector(doc),
    })) as CollabAck<{ update: Uint8Array }>;
    if (!opened.ok) return opened;
    Y.applyUpdate(doc, new Uint8Array(opened.update));
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    doc.getXmlFragment('default').insert(0, [paragraph]);
    return (await socket.timeout(5000).emitWithAck(CollabEvents.DocUpdate, {
      docId,
      update,
      updateId: randomUUID(),
    })) as CollabAck<object>;
  } finally {
    socket.close();
  }
}
