import {
  Awareness,
  applyAwarenessUpdate,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

export interface AwarenessSyncOptions {
  /** At most one awareness:update per this many ms (the last state always goes out). */
  throttleMs: number;
  /** Encoded updates larger than this are not sent (the server would refuse them). */
  maxBytes: number;
}

/**
 * Binds a y-protocols Awareness to the wire: local changes of our own clientID go out throttled,
 * remote updates are applied with `origin` so they are not sent back. The server answers doc:open
 * with the states of the others, relays every update to the document's room and, when a socket
 * leaves, announces its clients as removed with `clock + 1`.
 */
export class AwarenessSync {
  private lastSentAt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private dirty = false;
  private active = false;
  /** Encoded updates skipped because they were too large. */
  oversized = 0;

  constructor(
    readonly awareness: Awareness,
    private readonly origin: unknown,
    private readonly send: (update: Uint8Array) => void,
    private readonly options: AwarenessSyncOptions,
  ) {
    awareness.on('update', this.onLocalUpdate);
  }

  /** The document is open on the wire: (re-)send our state, then keep sending changes. */
  start(): void {
    this.active = true;
    const state = this.awareness.getLocalState();
    if (state !== null) {
      // When we dropped, the server told the others we left with our clock + 1; they ignore any
      // clock not above that. Skip one, and setLocalState adds the other.
      const meta = this.awareness.meta.get(this.awareness.clientID);
      if (meta) meta.clock += 1;
      this.awareness.setLocalState(state);
    }
    this.dirty = true;
    this.sendNow();
  }

  /** The connection is gone: stop sending (remote states expire by awareness's own timeout). */
  pause(): void {
    this.active = false;
    this.clearTimer();
  }

  /** Applies an update from another client. */
  applyRemote(update: Uint8Array): void {
    applyAwarenessUpdate(this.awareness, update, this.origin);
  }

  /**
   * On close: sends a null local state right away (so the others remove us), removes the states of
   * the other clients locally and detaches.
   */
  stop(): void {
    this.awareness.off('update', this.onLocalUpdate);
    if (this.active && this.awareness.getLocalState() !== null) {
      this.awareness.setLocalState(null);
      this.dirty = true;
      this.sendNow();
    }
    this.active = false;
    this.clearTimer();
    this.removeRemoteStates();
  }

  removeRemoteStates(): void {
    const remote = [...this.awareness.getStates().keys()].filter(
      (clientId) => clientId !== this.awareness.clientID,
    );
    if (remote.length > 0) removeAwarenessStates(this.awareness, remote, this.origin);
  }

  private readonly onLocalUpdate = (change: AwarenessChange, origin: unknown): void => {
    if (origin === this.origin) {
      this.onRemoteChange(change);
      return;
    }
    const own = this.awareness.clientID;
    if (
      !change.added.includes(own) &&
      !change.updated.includes(own) &&
      !change.removed.includes(own)
    ) {
      return;
    }
    this.dirty = true;
    this.schedule();
  };

  /** Someone announced our own clientID as gone (y-protocols then bumps our clock): say we are here. */
  private onRemoteChange(change: AwarenessChange): void {
    const own = this.awareness.clientID;
    const touched = [...change.added, ...change.updated, ...change.removed].includes(own);
    if (touched && this.awareness.getLocalState() !== null) {
      this.dirty = true;
      this.schedule();
    }
  }

  private schedule(): void {
    if (!this.active) return;
    const wait = this.lastSentAt + this.options.throttleMs - Date.now();
    if (wait <= 0) this.sendNow();
    else this.timer ??= setTimeout(() => this.sendNow(), wait);
  }

  private sendNow(): void {
    this.clearTimer();
    if (!this.active || !this.dirty) return;
    this.dirty = false;
    this.lastSentAt = Date.now();
    const update = encodeAwarenessUpdate(this.awareness, [this.awareness.clientID]);
    if (update.byteLength > this.options.maxBytes) {
      this.oversized++;
      return;
    }
    this.send(update);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
