import {
  CollabEvents,
  type CollabAck,
  type PresenceLocation,
  type PresenceState,
} from '@coalesce/protocol';
import { Emitter, type Listener } from './emitter.js';
import { CollabClientError } from './errors.js';
import type { Transport } from './transport.js';

export interface PresenceEvents {
  /** The presence of a coalition changed (pushed by the server, or the answer to a join). */
  state: PresenceState;
}

interface Waiter {
  resolve: (state: PresenceState) => void;
  reject: (error: Error) => void;
}

/**
 * Coalition-level presence (who is online, on which page). Joined coalitions are remembered and
 * joined again after every reconnect.
 */
export class PresenceClient {
  private readonly joined = new Map<string, PresenceLocation>();
  private readonly states = new Map<string, PresenceState>();
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly emitter = new Emitter<PresenceEvents>();

  constructor(private readonly transport: Transport) {}

  on<K extends keyof PresenceEvents>(event: K, listener: Listener<PresenceEvents[K]>): () => void {
    return this.emitter.on(event, listener);
  }

  off<K extends keyof PresenceEvents>(event: K, listener: Listener<PresenceEvents[K]>): void {
    this.emitter.off(event, listener);
  }

  /** The last known presence of a joined coalition. */
  getState(coalitionId: string): PresenceState | undefined {
    return this.states.get(coalitionId);
  }

  /** Coalitions currently joined. */
  get coalitions(): string[] {
    return [...this.joined.keys()];
  }

  /**
   * Appears in the coalition's presence at `location` and subscribes to its changes. Resolves with
   * the current presence once the server answers (after the next connect when offline); rejects
   * when the server refuses (the coalition is then forgotten).
   */
  join(coalitionId: string, location: PresenceLocation): Promise<PresenceState> {
    this.joined.set(coalitionId, location);
    const promise = new Promise<PresenceState>((resolve, reject) => {
      const list = this.waiters.get(coalitionId) ?? [];
      list.push({ resolve, reject });
      this.waiters.set(coalitionId, list);
    });
    void this.sendJoin(coalitionId);
    return promise;
  }

  /**
   * Moves to another page or document. Joins when not joined yet. When offline the new location is
   * sent with the re-join after reconnect.
   */
  async update(coalitionId: string, location: PresenceLocation): Promise<void> {
    if (!this.joined.has(coalitionId)) {
      await this.join(coalitionId, location);
      return;
    }
    this.joined.set(coalitionId, location);
    if (this.transport.status !== 'connected') return;
    const ack = await this.transport.request<Partial<PresenceState>>(CollabEvents.PresenceUpdate, {
      coalitionId,
      location,
    });
    if (ack.ok) this.acceptState(ack);
    else if (ack.error.code !== 'UNAVAILABLE') throw CollabClientError.from(ack.error);
  }

  /** Stops appearing in (and receiving) the coalition's presence. */
  async leave(coalitionId: string): Promise<void> {
    if (!this.joined.delete(coalitionId)) return;
    this.states.delete(coalitionId);
    for (const waiter of this.waiters.get(coalitionId) ?? []) {
      waiter.reject(new CollabClientError('NOT_FOUND', 'Left before the join completed.'));
    }
    this.waiters.delete(coalitionId);
    if (this.transport.status !== 'connected') return;
    await this.transport.request(CollabEvents.PresenceLeave, { coalitionId });
  }

  /** @internal */
  onConnected(): void {
    for (const coalitionId of this.joined.keys()) void this.sendJoin(coalitionId);
  }

  /** @internal A presence:state push. */
  onState(state: PresenceState): void {
    if (!state || !this.joined.has(state.coalitionId)) return;
    // With several nodes, snapshots can arrive out of order: keep the newest.
    const current = this.states.get(state.coalitionId);
    if (current && typeof state.version === 'number' && state.version < current.version) return;
    this.states.set(state.coalitionId, state);
    this.emitter.emit('state', state);
  }

  /** @internal */
  dispose(): void {
    for (const list of this.waiters.values()) {
      for (const waiter of list)
        waiter.reject(new CollabClientError('UNAVAILABLE', 'Client closed.'));
    }
    this.waiters.clear();
    this.joined.clear();
    this.states.clear();
    this.emitter.removeAllListeners();
  }

  private async sendJoin(coalitionId: string): Promise<void> {
    const location = this.joined.get(coalitionId);
    if (!location || this.transport.status !== 'connected') return;
    const ack: CollabAck<Partial<PresenceState>> = await this.transport.request(
      CollabEvents.PresenceJoin,
      { coalitionId, location },
    );
    if (!this.joined.has(coalitionId)) return;
    const waiters = this.waiters.get(coalitionId) ?? [];
    if (ack.ok) {
      this.waiters.delete(coalitionId);
      const state = this.acceptState({ ...ack, coalitionId });
      for (const waiter of waiters)
        waiter.resolve(state ?? { coalitionId, version: 0, members: [] });
    } else if (ack.error.code !== 'UNAVAILABLE') {
      // Refused for good (FORBIDDEN, VALIDATION_FAILED, ...): forget the coalition.
      this.joined.delete(coalitionId);
      this.waiters.delete(coalitionId);
      for (const waiter of waiters) waiter.reject(CollabClientError.from(ack.error));
    }
    // UNAVAILABLE (disconnect or timeout): waiters stay until the re-join after reconnect.
  }

  private acceptState(ack: Partial<PresenceState>): PresenceState | null {
    if (typeof ack.coalitionId !== 'string' || !Array.isArray(ack.members)) return null;
    const version = typeof ack.version === 'number' ? ack.version : 0;
    const state: PresenceState = { coalitionId: ack.coalitionId, version, members: ack.members };
    this.onState(state);
    return this.states.get(state.coalitionId) ?? state;
  }
}
