import type { Socket } from 'socket.io';
import type { DocPermission } from '@coalesce/domain';
import {
  AWARENESS_BURST,
  AWARENESS_RATE_PER_SECOND,
  UPDATE_BURST,
  UPDATE_RATE_PER_SECOND,
} from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { TokenBucket } from '../../core/realtime/token-bucket.js';

export interface OpenDoc {
  coalitionId: string;
  permission: DocPermission;
}

/** What the server keeps per connected socket (in socket.data). */
export interface SocketSession {
  user: AuthUser;
  /**
   * The handshake's request id (X-Request-Id from the proxy, else a new one): logs about this
   * connection carry it, with the socket id.
   */
  requestId: string;
  /** Coalitions of the user's organization at connect time (rooms for entity:changed). */
  coalitions: string[];
  docs: Map<string, OpenDoc>;
  presence: Set<string>;
  updates: TokenBucket;
  awareness: TokenBucket;
  /** Refused messages in a row (rate limits); past the flood limit the socket is disconnected. */
  refusals: number;
}

export function newSession(user: AuthUser, coalitions: string[], requestId: string): SocketSession {
  return {
    user,
    requestId,
    coalitions,
    docs: new Map(),
    presence: new Set(),
    updates: new TokenBucket(UPDATE_RATE_PER_SECOND, UPDATE_BURST),
    awareness: new TokenBucket(AWARENESS_RATE_PER_SECOND, AWARENESS_BURST),
    refusals: 0,
  };
}

export function sessionOf(socket: Socket): SocketSession {
  return socket.data as SocketSession;
}

export const docRoom = (docId: string) => `doc:${docId}`;
export const coalitionRoom = (coalitionId: string) => `coalition:${coalitionId}`;
export const presenceRoom = (coalitionId: string) => `presence:${coalitionId}`;
export const orgRoom = (organizationId: string) => `org:${organizationId}`;
export const userRoom = (userId: string) => `user:${userId}`;
