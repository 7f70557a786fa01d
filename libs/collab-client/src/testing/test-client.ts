import { CollabClient } from '../collab-client.js';
import type { CollabClientOptions } from '../collab-client.options.js';
import type { FakeCollabServer } from './fake-collab-server.js';

/** A client for the fake server with fast reconnects and no periodic resync. Test support. */
export function createTestClient(
  server: FakeCollabServer,
  overrides: Partial<CollabClientOptions> = {},
): CollabClient {
  return new CollabClient({
    url: server.url,
    getToken: async () => 'alice',
    reconnectionDelayMs: 50,
    reconnectionDelayMaxMs: 200,
    retryBaseMs: 20,
    retryMaxMs: 200,
    resyncIntervalMs: 0,
    ackTimeoutMs: 5000,
    ...overrides,
  });
}

/** Two-way text check helper. */
export function textOf(client: CollabClient, docId: string, name = 'text'): string {
  const handle = client.getDoc(docId);
  if (!handle) throw new Error(`Document ${docId} is not open.`);
  return handle.doc.getText(name).toString();
}
