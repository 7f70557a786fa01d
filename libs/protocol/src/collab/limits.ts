/** Largest Yjs update accepted in one doc:update (bigger ones: PAYLOAD_TOO_LARGE). */
export const MAX_UPDATE_BYTES = 1024 * 1024;
/** Socket.IO maxHttpBufferSize: one update plus the envelope. */
export const MAX_SOCKET_MESSAGE_BYTES = MAX_UPDATE_BYTES + 64 * 1024;
/** Largest encoded awareness update, and largest state per awareness client. */
export const MAX_AWARENESS_BYTES = 8 * 1024;
/** Committed updates merged into one doc:update broadcast hold at most this many bytes. */
export const MAX_MERGED_BROADCAST_BYTES = 64 * 1024;
/** Documents one socket may hold open at once. */
export const MAX_OPEN_DOCS_PER_SOCKET = 200;
/** Token buckets per socket: sustained rate per second and burst. Past the burst: RATE_LIMITED acks. */
export const UPDATE_RATE_PER_SECOND = 500;
export const UPDATE_BURST = 1000;
export const AWARENESS_RATE_PER_SECOND = 60;
export const AWARENESS_BURST = 120;
/** A socket that keeps sending after this many refused messages in a row is disconnected ("flood"). */
export const FLOOD_DISCONNECT_AFTER = 2000;
/** Awareness broadcasts of a document are coalesced over this window. */
export const AWARENESS_COALESCE_MS = 30;
