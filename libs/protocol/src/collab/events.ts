/** Socket.IO namespace of the collaboration engine. */
export const COLLAB_NAMESPACE = '/collab';

/**
 * Every event of the /collab namespace. Client -> server events take an ack callback; the ack is
 * always a `CollabAck` (`{ ok: true, ... }` or `{ ok: false, error }`).
 */
export const CollabEvents = {
  /** C->S {docId, stateVector} -> OpenAck. Joins the document's room. */
  DocOpen: 'doc:open',
  /**
   * C->S {docId, update, updateId} -> {seq}, only after the update is committed.
   * S->C {docId, update, seq, fromSeq?} broadcast of committed updates (see DocUpdateBroadcast).
   */
  DocUpdate: 'doc:update',
  /** C->S {docId, stateVector} -> SyncAck: what the client is missing (after reconnect or a seq gap). */
  DocSync: 'doc:sync',
  /** C->S {docId} -> {}. Leaves the room and drops the socket's awareness states of the doc. */
  DocClose: 'doc:close',
  /** S->C {docId, reason}: access was withdrawn; the socket has left the room. */
  DocRevoked: 'doc:revoked',
  /** C->S and S->C {docId, update}: y-protocols awareness encoding; ephemeral. */
  AwarenessUpdate: 'awareness:update',
  /** C->S {coalitionId, location} -> PresenceState. Subscribes to the coalition's presence. */
  PresenceJoin: 'presence:join',
  /** C->S {coalitionId, location}: where the user is now (page, document). */
  PresenceUpdate: 'presence:update',
  /** C->S {coalitionId}: stop appearing and receiving presence of this coalition. */
  PresenceLeave: 'presence:leave',
  /** S->C PresenceState of a coalition, pushed when it changes. */
  PresenceState: 'presence:state',
  /** S->C {type, id, action, coalitionId}: structured data changed; refresh what shows it. */
  EntityChanged: 'entity:changed',
  /**
   * S->C {reason, message} right before the server disconnects the socket. On `server-shutdown`
   * the client connects again (to another node behind the proxy) and resends its outbox.
   */
  ServerDisconnect: 'server:disconnect',
} as const;
export type CollabEventName = (typeof CollabEvents)[keyof typeof CollabEvents];

/** Client -> server events, for the authorization matrix and the fuzz tests. */
export const COLLAB_CLIENT_EVENTS = [
  CollabEvents.DocOpen,
  CollabEvents.DocUpdate,
  CollabEvents.DocSync,
  CollabEvents.DocClose,
  CollabEvents.AwarenessUpdate,
  CollabEvents.PresenceJoin,
  CollabEvents.PresenceUpdate,
  CollabEvents.PresenceLeave,
] as const;

/** Reasons the server gives when it disconnects a socket. */
export const COLLAB_DISCONNECT_REASONS = ['session-revoked', 'flood', 'server-shutdown'] as const;
export type CollabDisconnectReason = (typeof COLLAB_DISCONNECT_REASONS)[number];
