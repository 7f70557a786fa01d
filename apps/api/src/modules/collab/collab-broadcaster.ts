import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import { CollabEvents, MAX_MERGED_BROADCAST_BYTES } from '@coalesce/protocol';
import type { DocUpdateBroadcast } from '@coalesce/protocol';
import { mergeUpdates } from './merge-updates.js';
import { docRoom } from './socket-session.js';
import { UpdateCommitter } from './update-committer.js';
import type { CommittedBatch } from './update-committer.js';

type Committed = CommittedBatch['stored'][number];

/**
 * Sends committed updates to the document rooms (on every node), after COMMIT and before the
 * senders' acks. One committed update goes to everyone but its sender. Several committed updates of
 * one document in one group commit (under load) go out as ONE merged update `{fromSeq..seq}` to the
 * whole room: one frame per receiver per commit instead of one per update.
 */
@Injectable()
export class CollabBroadcaster {
  private namespace: Namespace | null = null;

  constructor(committer: UpdateCommitter) {
    committer.onCommitted((batch) => this.committed(batch));
  }

  attach(namespace: Namespace): void {
    this.namespace = namespace;
  }

  /** Shutdown: stop sending (the adapter is closing). */
  detach(): void {
    this.namespace = null;
  }

  private committed({ stored }: CommittedBatch): void {
    if (!this.namespace) return;
    let group: Committed[] = [];
    let bytes = 0;
    const flush = () => {
      if (group.length === 1) this.single(group[0]);
      else if (group.length > 1) this.merged(group);
      group = [];
      bytes = 0;
    };
    for (const update of stored) {
      const last = group.at(-1);
      const joins =
        last &&
        last.docId === update.docId &&
        last.seq + 1 === update.seq &&
        bytes + update.update.byteLength <= MAX_MERGED_BROADCAST_BYTES;
      if (!joins) flush();
      group.push(update);
      bytes += update.update.byteLength;
    }
    flush();
  }

  private single({ docId, update, seq, origin }: Committed): void {
    const payload: DocUpdateBroadcast = { docId, update, seq };
    const room = this.namespace!.to(docRoom(docId));
    (origin ? room.except(origin) : room).emit(CollabEvents.DocUpdate, payload);
  }

  private merged(group: Committed[]): void {
    const payload: DocUpdateBroadcast = {
      docId: group[0].docId,
      update: mergeUpdates(group.map((u) => u.update)),
      seq: group[group.length - 1].seq,
      fromSeq: group[0].seq,
    };
    this.namespace!.to(docRoom(payload.docId)).emit(CollabEvents.DocUpdate, payload);
  }
}
