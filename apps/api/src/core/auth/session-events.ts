import { Injectable } from '@nestjs/common';
import { EventEmitter } from 'node:events';
import type { RevokeReason } from './sessions.service.js';

export interface SessionsRevoked {
  sessionIds: string[];
  userId: string;
  reason: RevokeReason;
}

/**
 * In-process notice that sessions ended, so the realtime transport can disconnect their sockets.
 * (With several nodes the realtime layer relays it through its adapter.)
 */
@Injectable()
export class SessionEvents {
  private readonly emitter = new EventEmitter();

  revoked(sessionIds: string[], userId: string, reason: RevokeReason): void {
    this.emitter.emit('revoked', { sessionIds, userId, reason } satisfies SessionsRevoked);
  }

  onRevoked(listener: (event: SessionsRevoked) => void): () => void {
    this.emitter.on('revoked', listener);
    return () => this.emitter.off('revoked', listener);
  }
}
