import * as Y from 'yjs';

/**
 * Applies a server update with the client as transaction origin, so it is not sent back. An app
 * observer that throws is reported asynchronously and does not interrupt the caller.
 */
export function applyRemoteUpdate(doc: Y.Doc, update: Uint8Array, origin: object): void {
  try {
    Y.applyUpdate(doc, update, origin);
  } catch (error) {
    setTimeout(() => {
      throw error;
    });
  }
}
