import { Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit } from '@nestjs/websockets';
import { WebSocketGateway } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import {
  AWARENESS_COALESCE_MS,
  COLLAB_NAMESPACE,
  CollabEvents,
  MAX_OPEN_DOCS_PER_SOCKET,
  awarenessUpdateSchema,
  docCloseSchema,
  docOpenSchema,
  docSyncSchema,
  docUpdateSchema,
  presenceJoinSchema,
  presenceLeaveSchema,
  presenceUpdateSchema,
} from '@coalesce/protocol';
import type { AwarenessBroadcast } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { Authenticator } from '../../core/auth/authenticator.js';
import { AppError } from '../../core/errors/app-error.js';
import { AccessWatcher } from './access-watcher.js';
import { AwarenessRelay } from './awareness-relay.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { CollabService } from './collab.service.js';
import { PresenceService } from './presence.service.js';
import { handle } from './socket-handler.js';
import {
  coalitionRoom,
  docRoom,
  newSession,
  orgRoom,
  presenceRoom,
  sessionOf,
  userRoom,
} from './socket-session.js';

/**
 * Transport of the collaboration engine (namespace /collab): authenticates the handshake, parses
 * every event, and delegates to CollabService (documents), AwarenessRelay and PresenceService.
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy
{
  private readonly logger = new Logger('CollabGateway');
  private namespace!: Namespace;
  readonly awareness: AwarenessRelay;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly policy: AccessPolicy,
    private readonly collab: CollabService,
    private readonly presence: PresenceService,
    private readonly broadcaster: CollabBroadcaster,
    private readonly watcher: AccessWatcher,
  ) {
    this.awareness = new AwarenessRelay((docId, update) => {
      const payload: AwarenessBroadcast = { docId, update };
      this.namespace?.to(docRoom(docId)).emit(CollabEvents.AwarenessUpdate, payload);
    }, AWARENESS_COALESCE_MS);
  }

  /** Shutdown: nothing more is published (the Redis adapter may already be closing). */
  private closing = false;

  onModuleDestroy(): void {
    this.closing = true;
    this.awareness.dispose();
    this.broadcaster.detach();
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    this.broadcaster.attach(namespace);
    this.watcher.attach(namespace, (socket, docId) => this.closeDoc(socket, docId));
    namespace.use((socket, next) => {
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      this.authenticator
        .authenticate(typeof token === 'string' ? token : null)
        .then(async (user) => {
          socket.data = newSession(user, await this.policy.coalitionsOf(user.organizationId));
          next();
        })
        .catch((error: unknown) => {
          const code = error instanceof AppError ? error.code : 'UNAUTHENTICATED';
          const message = error instanceof AppError ? error.message : 'Sign in to continue.';
          next(Object.assign(new Error(code), { data: { code, message } }));
        });
    });
  }

  /** Synchronous, so no event sent right after `connect` can arrive before its handler exists. */
  handleConnection(socket: Socket): void {
    const { user, coalitions } = sessionOf(socket);
    this.register(socket);
    void socket.join([
      orgRoom(user.organizationId),
      userRoom(user.id),
      ...coalitions.map(coalitionRoom),
    ]);
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const session = sessionOf(socket);
    if (!session?.docs) return;
    for (const docId of session.docs.keys()) this.awareness.leave(docId, socket.id);
    session.docs.clear();
    if (this.closing) return;
    for (const coalitionId of session.presence)
      await this.leavePresence(socket, coalitionId).catch(() => undefined);
  }

  private register(socket: Socket): void {
    const session = sessionOf(socket);
    const { user } = session;

    handle(
      socket,
      CollabEvents.DocOpen,
      docOpenSchema,
      this.logger,
      async ({ docId, stateVector }) => {
        if (!session.docs.has(docId) && session.docs.size >= MAX_OPEN_DOCS_PER_SOCKET) {
          throw new AppError(
            'TOO_MANY_OPEN_DOCS',
            `A connection may hold at most ${MAX_OPEN_DOCS_PER_SOCKET} open documents.`,
          );
        }
        // Join before the state is read: an update committed meanwhile still reaches this socket.
        const opened = await this.collab
          .open(user, docId, stateVector, () => socket.join(docRoom(docId)))
          .catch(async (error: unknown) => {
            if (!session.docs.has(docId)) await socket.leave(docRoom(docId));
            throw error;
          });
        session.docs.set(docId, { coalitionId: opened.coalitionId, permission: opened.role });
        const others = this.awareness.snapshot(docId);
        if (others)
          socket.emit(CollabEvents.AwarenessUpdate, {
            docId,
            update: others,
          } satisfies AwarenessBroadcast);
        return {
          role: opened.role,
          update: opened.update,
          stateVector: opened.stateVector,
          seq: opened.seq,
        };
      },
    );

    handle(
      socket,
      CollabEvents.DocUpdate,
      docUpdateSchema,
      this.logger,
      async ({ docId, update, updateId }) => {
        if (!session.docs.has(docId))
          throw new AppError('DOC_NOT_OPEN', 'Open the document before sending updates.');
        // The committed update is broadcast by CollabBroadcaster before this resolves.
        const stored = await this.collab.update(user, docId, update, updateId, socket.id);
        return { seq: stored.seq };
      },
      { limit: 'updates' },
    );

    handle(
      socket,
      CollabEvents.DocSync,
      docSyncSchema,
      this.logger,
      async ({ docId, stateVector }) => {
        if (!session.docs.has(docId))
          throw new AppError('DOC_NOT_OPEN', 'Open the document first.');
        return this.collab.sync(user, docId, stateVector);
      },
    );

    handle(socket, CollabEvents.DocClose, docCloseSchema, this.logger, async ({ docId }) => {
      if (!session.docs.has(docId)) throw new AppError('DOC_NOT_OPEN', 'The document is not open.');
      this.closeDoc(socket, docId);
    });

    handle(
      socket,
      CollabEvents.AwarenessUpdate,
      awarenessUpdateSchema,
      this.logger,
      async ({ docId, update }) => {
        if (!session.docs.has(docId))
          throw new AppError('DOC_NOT_OPEN', 'Open the document first.');
        this.awareness.receive(docId, socket.id, update);
      },
      { limit: 'awareness' },
    );

    handle(
      socket,
      CollabEvents.PresenceJoin,
      presenceJoinSchema,
      this.logger,
      async ({ coalitionId, location }) => {
        await this.policy.assertCoalition(user, coalitionId, 'coalition.view');
        session.presence.add(coalitionId);
        await socket.join(presenceRoom(coalitionId));
        await this.presence.set(coalitionId, socket.id, user, location);
        return this.publishPresence(coalitionId);
      },
      { limit: 'awareness' },
    );

    handle(
      socket,
      CollabEvents.PresenceUpdate,
      presenceUpdateSchema,
      this.logger,
      async ({ coalitionId, location }) => {
        if (!session.presence.has(coalitionId)) throw AppError.notFound('Presence subscription');
        await this.presence.set(coalitionId, socket.id, user, location);
        await this.publishPresence(coalitionId);
      },
      { limit: 'awareness' },
    );

    handle(
      socket,
      CollabEvents.PresenceLeave,
      presenceLeaveSchema,
      this.logger,
      async ({ coalitionId }) => {
        // Like presence:update: a coalition this socket never joined (e.g. an outsider's) is
        // refused, and no presence broadcast is triggered for it.
        if (!session.presence.has(coalitionId)) throw AppError.notFound('Presence subscription');
        await this.leavePresence(socket, coalitionId);
      },
    );
  }

  /** Closes a document for a socket: leaves the room and removes its awareness states. */
  private closeDoc(socket: Socket, docId: string): void {
    const session = sessionOf(socket);
    if (!session.docs.delete(docId)) return;
    void socket.leave(docRoom(docId));
    this.awareness.leave(docId, socket.id);
  }

  private async leavePresence(socket: Socket, coalitionId: string): Promise<void> {
    sessionOf(socket).presence.delete(coalitionId);
    await socket.leave(presenceRoom(coalitionId));
    await this.presence.remove(coalitionId, socket.id);
    await this.publishPresence(coalitionId);
  }

  private async publishPresence(coalitionId: string) {
    const state = await this.presence.state(coalitionId);
    if (!this.closing)
      this.namespace.to(presenceRoom(coalitionId)).emit(CollabEvents.PresenceState, state);
    return state;
  }
}
