import { MAX_AWARENESS_BYTES } from '@coalesce/protocol';
import { AppError } from '../../core/errors/app-error.js';
import { decodeAwareness, encodeAwareness } from './awareness-codec.js';
import type { AwarenessEntry } from './awareness-codec.js';

interface ClientState extends AwarenessEntry {
  socketId: string;
}

interface DocAwareness {
  clients: Map<number, ClientState>;
  /** Entries waiting for the next coalesced broadcast. */
  outgoing: Map<number, AwarenessEntry>;
  timer: NodeJS.Timeout | null;
}

export type AwarenessBroadcaster = (
  docId: string,
  update: Uint8Array,
  exceptSocketId: string | null,
) => void;

/**
 * Awareness (cursors, selections, names) per document: each awareness client id is bound to the
 * socket that first used it, states are capped in size, broadcasts are coalesced, and a socket's
 * states are removed when it leaves. Only documents with connected sockets are held in memory.
 */
export class AwarenessRelay {
  private readonly docs = new Map<string, DocAwareness>();

  constructor(
    private readonly broadcast: AwarenessBroadcaster,
    private readonly coalesceMs: number,
  ) {}

  get documentCount(): number {
    return this.docs.size;
  }

  /** Stops pending broadcasts (shutdown). */
  dispose(): void {
    for (const doc of this.docs.values()) if (doc.timer) clearTimeout(doc.timer);
    this.docs.clear();
  }

  /** Applies an update from `socketId`; refuses entries for client ids bound to another socket. */
  receive(docId: string, socketId: string, update: Uint8Array): void {
    if (update.byteLength > MAX_AWARENESS_BYTES) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `An awareness update may be at most ${MAX_AWARENESS_BYTES} bytes.`,
      );
    }
    let entries: AwarenessEntry[];
    try {
      entries = decodeAwareness(update);
    } catch {
      throw new AppError('INVALID_UPDATE', 'The awareness update could not be decoded.');
    }
    const doc = this.doc(docId);
    for (const entry of entries) {
      const owner = doc.clients.get(entry.clientId);
      if (owner && owner.socketId !== socketId) {
        throw AppError.forbidden('This awareness client belongs to another connection.');
      }
    }
    for (const entry of entries) {
      const current = doc.clients.get(entry.clientId);
      if (current && current.clock > entry.clock) continue;
      if (entry.state === 'null') {
        if (current) doc.clients.delete(entry.clientId);
      } else {
        doc.clients.set(entry.clientId, { ...entry, socketId });
      }
      doc.outgoing.set(entry.clientId, entry);
    }
    this.scheduleBroadcast(docId, doc);
  }

  /** The encoded states of everyone else in the document, for a socket that just opened it. */
  snapshot(docId: string): Uint8Array | null {
    const doc = this.docs.get(docId);
    if (!doc || doc.clients.size === 0) return null;
    return encodeAwareness(
      [...doc.clients.values()].map(({ clientId, clock, state }) => ({ clientId, clock, state })),
    );
  }

  /** Removes the socket's states from the document (close, revoke or disconnect) and tells the others. */
  leave(docId: string, socketId: string): void {
    const doc = this.docs.get(docId);
    if (!doc) return;
    for (const [clientId, state] of doc.clients) {
      if (state.socketId !== socketId) continue;
      doc.clients.delete(clientId);
      doc.outgoing.set(clientId, { clientId, clock: state.clock + 1, state: 'null' });
    }
    if (doc.outgoing.size) this.scheduleBroadcast(docId, doc);
    else if (doc.clients.size === 0) this.docs.delete(docId);
  }

  private doc(docId: string): DocAwareness {
    let doc = this.docs.get(docId);
    if (!doc) {
      doc = { clients: new Map(), outgoing: new Map(), timer: null };
      this.docs.set(docId, doc);
    }
    return doc;
  }

  private scheduleBroadcast(docId: string, doc: DocAwareness): void {
    if (doc.timer) return;
    doc.timer = setTimeout(() => {
      doc.timer = null;
      const entries = [...doc.outgoing.values()];
      doc.outgoing.clear();
      try {
        if (entries.length) this.broadcast(docId, encodeAwareness(entries), null);
      } catch {
        // The transport is closing; awareness is ephemeral.
      }
      if (doc.clients.size === 0 && doc.outgoing.size === 0) this.docs.delete(docId);
    }, this.coalesceMs);
    doc.timer.unref?.();
  }
}
