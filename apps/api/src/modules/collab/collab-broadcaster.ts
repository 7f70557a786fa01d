import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { CollabEvents } from '@coalesce/protocol';
import type { DocUpdateBroadcast } from '@coalesce/protocol';
import { docRoom } from './socket-session.js';

/** Sends to document rooms from outside a socket handler (e.g. a version restore over REST). */
@Injectable()
export class CollabBroadcaster {
  private namespace: Namespace | null = null;

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Shutdown: stop sending (the adapter is closing). */
  detach(): void {
    this.namespace = null;
  }

  /** A committed update to everyone in the document's room (on every node), except one socket. */
  update(docId: string, update: Uint8Array, seq: number, exceptSocketId: string | null): void {
    if (!this.namespace) return;
    const payload: DocUpdateBroadcast = { docId, update, seq };
    const target = exceptSocketId
      ? this.namespace.to(docRoom(docId)).except(exceptSocketId)
      : this.namespace.to(docRoom(docId));
    target.emit(CollabEvents.DocUpdate, payload);
  }
}
