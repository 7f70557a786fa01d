export { CollabClient, type CollabClientEvents } from './collab-client.js';
export type { CollabClientOptions, SocketFactory } from './collab-client.options.js';
export { DocHandle } from './doc-handle.js';
export { PresenceClient, type PresenceEvents } from './presence-client.js';
export { CollabClientError } from './errors.js';
export type { ConnectionStats } from './socket-connection.js';
export type { Listener } from './emitter.js';
export type { ConnectionStatus, DocStatus, DocStats, DocHandleEvents } from './types.js';
