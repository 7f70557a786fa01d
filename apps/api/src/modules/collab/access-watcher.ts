import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type { Namespace, Socket } from 'socket.io';
import { CollabEvents } from '@coalesce/protocol';
import type { DocRevokedMessage } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { SessionEvents } from '../../core/auth/session-events.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import type { AccessChanged, EntityChangedEvent } from '../../core/realtime/live-events.js';
import { CollabService } from './collab.service.js';
import { coalitionRoom, orgRoom, presenceRoom, sessionOf, userRoom } from './socket-session.js';

const ACCESS_CHANGED = 'coalesce:access-changed';
const SESSIONS_REVOKED = 'coalesce:sessions-revoked';

type CloseDoc = (socket: Socket, docId: string) => void;

/**
 * Keeps live sockets in line with access: when sharing, membership or a session changes, every
 * node re-checks its own sockets and sends `doc:revoked` (or disconnects) at once. Also relays
 * `entity:changed` to the sockets that may see the entity.
 */
@Injectable()
export class AccessWatcher implements OnModuleDestroy {
  private readonly logger = new Logger('AccessWatcher');
  private namespace: Namespace | null = null;
  private closeDoc: CloseDoc = () => undefined;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly policy: AccessPolicy,
    private readonly collab: CollabService,
    live: LiveEvents,
    sessions: SessionEvents,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    /** Other nodes exist only with the Redis adapter; they re-check their own sockets. */
    const relay = (event: string, payload: unknown) => {
      if (config.redisUrl) this.namespace?.serverSideEmit(event, payload);
    };
    this.unsubscribe.push(
      live.onAccessChanged((change) => {
        relay(ACCESS_CHANGED, change);
        void this.recheck(change);
      }),
      live.onEntityChanged((event) => this.relayEntity(event)),
      sessions.onRevoked(({ sessionIds }) => {
        relay(SESSIONS_REVOKED, sessionIds);
        this.disconnectSessions(sessionIds);
      }),
    );
  }

  attach(namespace: Namespace, closeDoc: CloseDoc): void {
    this.namespace = namespace;
    this.closeDoc = closeDoc;
    namespace.on(ACCESS_CHANGED, (change: AccessChanged) => void this.recheck(change));
    namespace.on(SESSIONS_REVOKED, (ids: string[]) => this.disconnectSessions(ids));
  }

  onModuleDestroy(): void {
    for (const off of this.unsubscribe) off();
  }

  /** Re-checks the open documents and coalition rooms of the local sockets the change may affect. */
  async recheck(change: AccessChanged): Promise<void> {
    this.collab.permissions.invalidate(change);
    if (!this.namespace) return;
    for (const socket of this.namespace.sockets.values()) {
      const session = sessionOf(socket);
      if (!session?.user) continue;
      if (change.organizationId && change.organizationId !== session.user.organizationId) continue;
      try {
        if (change.coalitionId) await this.recheckCoalition(socket, change.coalitionId);
        for (const [docId, open] of [...session.docs]) {
          if (change.docId && change.docId !== docId) continue;
          if (change.coalitionId && change.coalitionId !== open.coalitionId) continue;
          const { permission } = await this.collab.permission(session.user, docId, true);
          if (permission !== open.permission) {
            this.revoke(
              socket,
              docId,
              permission === null && change.reason === 'deleted'
                ? 'deleted'
                : permission === null && change.coalitionId
                  ? 'removed-from-coalition'
                  : 'access-changed',
            );
          }
        }
      } catch (error) {
        this.logger.warn(
          `access re-check failed for socket ${socket.id}: ${(error as Error).message}`,
        );
      }
    }
  }

  private async recheckCoalition(socket: Socket, coalitionId: string): Promise<void> {
    const { user } = sessionOf(socket);
    const member = (await this.policy.coalitionsOf(user.organizationId)).includes(coalitionId);
    if (member) {
      await socket.join(coalitionRoom(coalitionId));
      return;
    }
    await socket.leave(coalitionRoom(coalitionId));
    await socket.leave(presenceRoom(coalitionId));
    sessionOf(socket).presence.delete(coalitionId);
  }

  private revoke(socket: Socket, docId: string, reason: DocRevokedMessage['reason']): void {
    this.closeDoc(socket, docId);
    socket.emit(CollabEvents.DocRevoked, { docId, reason } satisfies DocRevokedMessage);
  }

  private disconnectSessions(sessionIds: string[]): void {
    if (!this.namespace) return;
    const ids = new Set(sessionIds);
    for (const socket of this.namespace.sockets.values()) {
      const session = sessionOf(socket);
      if (!session?.user || !ids.has(session.user.sessionId)) continue;
      for (const docId of [...session.docs.keys()]) this.revoke(socket, docId, 'session-revoked');
      socket.disconnect(true);
    }
  }

  private relayEntity(event: EntityChangedEvent): void {
    if (!this.namespace) return;
    const { organizationIds, userIds, ...payload } = event;
    // A room emit reaches the sockets in it on every node (Redis adapter): user rooms included.
    const rooms = userIds
      ? userIds.map(userRoom)
      : organizationIds?.length
        ? organizationIds.map(orgRoom)
        : event.coalitionId
          ? [coalitionRoom(event.coalitionId)]
          : [];
    if (!rooms.length) return;
    this.namespace.to(rooms).emit(CollabEvents.EntityChanged, payload);
  }
}
