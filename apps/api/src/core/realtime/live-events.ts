import { EventEmitter } from 'node:events';
import { Injectable } from '@nestjs/common';
import type { EntityChanged } from '@coalesce/protocol';

/** Who may have lost (or gained) access: re-check open documents and rooms of these sockets. */
export interface AccessChanged {
  coalitionId?: string;
  organizationId?: string;
  docId?: string;
  /** Why, when it is more than a change of permissions (a deleted document). */
  reason?: 'deleted';
}

/**
 * An entity change, and who may see it: only these users' sockets (`userIds`, e.g. a
 * notification), else these organizations, else every member organization of the coalition.
 */
export interface EntityChangedEvent extends EntityChanged {
  organizationIds?: string[];
  userIds?: string[];
}

/**
 * The seam between features and the realtime transport: modules announce changes here after they
 * commit; the collaboration gateway relays them to sockets (on every node).
 */
@Injectable()
export class LiveEvents {
  private readonly emitter = new EventEmitter();

  entityChanged(event: EntityChangedEvent): void {
    this.emitter.emit('entity', event);
  }

  accessChanged(event: AccessChanged): void {
    this.emitter.emit('access', event);
  }

  onEntityChanged(listener: (event: EntityChangedEvent) => void): () => void {
    this.emitter.on('entity', listener);
    return () => this.emitter.off('entity', listener);
  }

  onAccessChanged(listener: (event: AccessChanged) => void): () => void {
    this.emitter.on('access', listener);
    return () => this.emitter.off('access', listener);
  }
}
