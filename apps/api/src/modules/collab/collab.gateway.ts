import { Logger } from '@nestjs/common';
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
import type { AwarenessBroadcast, ServerDisconnectMessage } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { Authenticator } from '../../core/auth/authenticator.js';
import { AppError } from '../../core/errors/app-error.js';
import { Lifecycle } from '../../core/lifecycle/lifecycle.service.js';
import { requestIdOf } from '../../core/logging/request-id.js';
import { AccessWatcher } from './access-watcher.js';
import { AwarenessRelay } from './awareness-relay.js';
import { CollabBroadcaster } from './collab-broadcaster.js';
import { CollabMetrics } from './collab-metrics.js';
import { CollabService } from './collab.service.js';
import { PresenceService } from './presence.service.js';
import { handle, socketLogContext } from './socket-handler.js';
import { UpdateCommitter } from './update-committer.js';
import {
  coalitionRoom,
  docRoom,
  newSession,
  orgRoom,
  presenceRoom,
  sessionOf,
  userRoom,
} from './socket-session.js';

const SHUTDOWN_NOTICE: ServerDisconnectMessage = {
  reason: 'server-shutdown',
  message: 'This server is restarting; reconnecting.',
};

/** Longest wait at shutdown for doc:update handlers to send their acks after the last commit. */
const ACK_FLUSH_TIMEOUT_MS = 5000;

/**
 * Transport of the collaboration engine (namespace /collab): authenticates the handshake, parses
 * every event, and delegates to CollabService (documents), AwarenessRelay and PresenceService.
 *
 * Graceful shutdown (steps run by Lifecycle): new connections are refused as soon as the process is
 * draining; then the pending group commits are written and acknowledged (new updates are refused,
 * their senders keep them), then every socket is told why and disconnected, so clients reconnect to
 * another node and resend what was not acknowledged.
 */
@WebSocketGateway({ namespace: COLLAB_NAMESPACE })
export class CollabGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  private readonly logger = new Logger('CollabGateway');
  private namespace!: Namespace;
  readonly awareness: AwarenessRelay;
  /** doc:update messages received and not yet answered. */
  private updatesInFlight = 0;
  /** Shutdown: the sockets are gone; nothing more is published. */
  private closing = false;

  constructor(
    private readonly authenticator: Authenticator,
    private readonly policy: AccessPolicy,
    private readonly collab: CollabService,
    private readonly presence: PresenceService,
    private readonly broadcaster: CollabBroadcaster,
    private readonly watcher: AccessWatcher,
    private readonly committer: UpdateCommitter,
    private readonly metrics: CollabMetrics,
    private readonly lifecycle: Lifecycle,
  ) {
    this.awareness = new AwarenessRelay((docId, update) => {
      const payload: AwarenessBroadcast = { docId, update };
      this.namespace?.to(docRoom(docId)).emit(CollabEvents.AwarenessUpdate, payload);
    }, AWARENESS_COALESCE_MS);
    lifecycle.addShutdownStep({
      name: 'collab: write and acknowledge pending group commits',
      order: 100,
      run: () => this.flushUpdates(),
    });
    lifecycle.addShutdownStep({
      name: 'collab: disconnect sockets (clients reconnect elsewhere)',
      order: 200,
      run: () => this.disconnectAll(),
    });
  }

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    this.broadcaster.attach(namespace);
    this.watcher.attach(namespace, (socket, docId) => this.closeDoc(socket, docId));
    this.metrics.readFrom({ openDocuments: () => localDocRooms(namespace) });
    const shuttingDown = () =>
      Object.assign(new Error('UNAVAILABLE'), {
        data: {
          code: 'UNAVAILABLE',
          message: 'This server is shutting down; connect again (to another node).',
        },
      });
    namespace.use((socket, next) => {
      if (this.lifecycle.shuttingDown) return next(shuttingDown());
      const token = (socket.handshake.auth as { token?: unknown })?.token;
      this.authenticator
        .authenticate(typeof token === 'string' ? token : null)
        .then(async (user) => {
          const coalitions = await this.policy.coalitionsOf(user.organizationId);
          // The shutdown may have begun while the handshake was checked.
          if (this.lifecycle.shuttingDown) return next(shuttingDown());
          socket.data = newSession(user, coalitions, requestIdOf(socket.handshake.headers));
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
    this.logger.debug(socketLogContext(socket), 'socket connected');
    socket.once('disconnect', (reason) =>
      this.logger.debug({ ...socketLogContext(socket), reason }, 'socket disconnected'),
    );
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
        this.updatesInFlight += 1;
        try {
          // The committed update is broadcast by CollabBroadcaster before this resolves.
          const stored = await this.collab.update(user, docId, update, updateId, socket.id);
          return { seq: stored.seq };
        } finally {
          this.updatesInFlight -= 1;
        }
      },
      {
        limit: 'updates',
        acked: (seconds) => this.metrics.updateAck.observe(seconds),
        refused: (code) => this.metrics.updateRefusals.inc({ code }),
      },
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
        this.metrics.awarenessMessages.inc();
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

  /**
   * Shutdown step 1: no new update enters a group commit; everything queued is written, and every
   * handler has sent its ack before the sockets go.
   */
  private async flushUpdates(): Promise<void> {
    await this.committer.close();
    const deadline = Date.now() + ACK_FLUSH_TIMEOUT_MS;
    while (this.updatesInFlight > 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.updatesInFlight > 0)
      this.logger.warn(`${this.updatesInFlight} doc:update(s) still unanswered at shutdown`);
  }

  /**
   * Shutdown step 2: this node's presence entries are removed (and the other nodes told), every
   * local socket gets `server:disconnect {reason: 'server-shutdown'}` and is disconnected; its
   * client connects again, through the proxy, to a node that serves.
   */
  private async disconnectAll(): Promise<void> {
    if (!this.namespace || this.closing) return;
    const sockets = [...this.namespace.sockets.values()];
    const coalitions = new Set<string>();
    for (const socket of sockets) {
      const session = sessionOf(socket);
      for (const coalitionId of session?.presence ?? []) {
        coalitions.add(coalitionId);
        await this.presence.remove(coalitionId, socket.id).catch(() => undefined);
      }
      session?.presence.clear();
    }
    for (const socket of sockets) {
      socket.emit(CollabEvents.ServerDisconnect, SHUTDOWN_NOTICE);
      socket.disconnect(true);
    }
    for (const coalitionId of coalitions)
      await this.publishPresence(coalitionId).catch(() => undefined);
    // Let the coalesced "gone" awareness updates of the disconnected sockets go out.
    await new Promise((resolve) => setTimeout(resolve, AWARENESS_COALESCE_MS + 20));
    this.closing = true;
    this.awareness.dispose();
    this.broadcaster.detach();
    this.logger.log(`disconnected ${sockets.length} socket(s) for shutdown`);
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

/** Documents with at least one socket of this process in their room. */
function localDocRooms(namespace: Namespace): number {
  let count = 0;
  for (const room of namespace.adapter.rooms.keys()) if (room.startsWith('doc:')) count += 1;
  return count;
}
