import * as Y from 'yjs';
import { CollabEvents, type CollabError, type OpenResult } from '@coalesce/protocol';
import { backoffDelay } from './backoff.js';
import type { ResolvedDocOptions } from './collab-client.options.js';
import { isFatalOpenError } from './errors.js';
import type { DocTransport } from './transport.js';

export interface DocOpenerPort {
  /** Not closed, not revoked, not refused: opening makes sense. */
  mayOpen(): boolean;
  /** Already open on the current connection. */
  isOpen(): boolean;
  /** The ack of a doc:open sent on connection `epoch` (still the current one). */
  onOpened(result: OpenResult, epoch: number): void;
  /** Refused for good (FORBIDDEN, NOT_FOUND, ...). */
  onRefused(error: CollabError): void;
}

/**
 * Sends doc:open (with the local state vector) once per connection, retries transient refusals
 * with backoff, and ignores answers that belong to an older connection or an older attempt.
 */
export class DocOpener {
  private token = 0;
  private pendingEpoch = -1;
  private attempts = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly docId: string,
    private readonly doc: Y.Doc,
    private readonly transport: DocTransport,
    private readonly options: ResolvedDocOptions,
    private readonly port: DocOpenerPort,
  ) {}

  async open(): Promise<void> {
    if (!this.port.mayOpen() || this.port.isOpen()) return;
    if (this.transport.status !== 'connected') return;
    const epoch = this.transport.epoch;
    if (this.pendingEpoch === epoch) return; // already asked on this connection
    this.cancel();
    const token = ++this.token;
    this.pendingEpoch = epoch;
    const ack = await this.transport.request<OpenResult>(CollabEvents.DocOpen, {
      docId: this.docId,
      stateVector: Y.encodeStateVector(this.doc),
    });
    if (token !== this.token) return; // superseded by a newer attempt
    this.pendingEpoch = -1;
    if (!this.port.mayOpen()) return;
    if (epoch !== this.transport.epoch || this.transport.status !== 'connected') return;
    if (ack.ok) {
      this.attempts = 0;
      this.port.onOpened(ack, epoch);
    } else if (isFatalOpenError(ack.error.code)) {
      this.port.onRefused(ack.error);
    } else {
      const delay = backoffDelay(
        this.attempts++,
        this.options.retryBaseMs,
        this.options.retryMaxMs,
      );
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        void this.open();
      }, delay);
    }
  }

  /** Forgets a pending retry (disconnect, revocation, close). */
  cancel(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }
}
