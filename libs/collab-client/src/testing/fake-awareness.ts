import { decodeAwareness, encodeAwareness } from './awareness-codec.js';

interface Bound {
  socketId: string;
  clock: number;
  state: string;
}

/**
 * Server-side awareness bookkeeping of the fake server: binds each awareness clientID to the first
 * socket that used it, and announces a socket's clients as gone when it closes the doc or leaves.
 */
export class FakeAwareness {
  private readonly docs = new Map<string, Map<number, Bound>>();

  /** Records an update from `socketId`; false (refused) if it carries another socket's clientID. */
  accept(docId: string, socketId: string, update: Uint8Array): boolean {
    let entries;
    try {
      entries = decodeAwareness(update);
    } catch {
      return false;
    }
    let clients = this.docs.get(docId);
    if (!clients) {
      clients = new Map();
      this.docs.set(docId, clients);
    }
    for (const entry of entries) {
      const bound = clients.get(entry.clientId);
      if (bound && bound.socketId !== socketId) return false;
    }
    for (const entry of entries) {
      const current = clients.get(entry.clientId);
      if (current && current.clock > entry.clock) continue;
      if (entry.state === 'null') clients.delete(entry.clientId);
      else clients.set(entry.clientId, { socketId, clock: entry.clock, state: entry.state });
    }
    return true;
  }

  /** All known states of a document, encoded (sent to a socket that opens it). */
  snapshot(docId: string): Uint8Array | null {
    const clients = this.docs.get(docId);
    if (!clients || clients.size === 0) return null;
    return encodeAwareness(
      [...clients].map(([clientId, { clock, state }]) => ({ clientId, clock, state })),
    );
  }

  /** The states a socket published in a document (clientID -> parsed state). */
  states(docId: string): Map<number, unknown> {
    const result = new Map<number, unknown>();
    for (const [clientId, bound] of this.docs.get(docId) ?? []) {
      result.set(clientId, JSON.parse(bound.state));
    }
    return result;
  }

  /** Forgets a socket's clients of a document and broadcasts their removal. */
  dropSocket(docId: string, socketId: string, broadcast: (update: Uint8Array) => void): void {
    const clients = this.docs.get(docId);
    if (!clients) return;
    const removed = [];
    for (const [clientId, bound] of clients) {
      if (bound.socketId !== socketId) continue;
      clients.delete(clientId);
      removed.push({ clientId, clock: bound.clock + 1, state: 'null' });
    }
    if (removed.length > 0) broadcast(encodeAwareness(removed));
  }

  clear(): void {
    this.docs.clear();
  }
}
