import { z } from 'zod';
import type { DocPermission } from '@coalesce/domain';
import type { ErrorCode } from '../errors.js';
import type { CollabDisconnectReason } from './events.js';

/** Binary payloads travel as binary (Buffer on Node, Uint8Array/ArrayBuffer in browsers), never base64. */
export const binarySchema = z.custom<Uint8Array>(
  (value) => value instanceof Uint8Array || value instanceof ArrayBuffer,
  {
    message: 'Must be binary (Uint8Array).',
  },
);

const docId = z.uuid({ message: 'docId must be a UUID.' });

export const docOpenSchema = z.object({ docId, stateVector: binarySchema.optional() }).strict();
export type DocOpenPayload = z.infer<typeof docOpenSchema>;

export const docUpdateSchema = z
  .object({
    docId,
    update: binarySchema,
    /** Client-chosen id (e.g. a UUID); resending the same id is a no-op that acks the stored seq. */
    updateId: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[\w-]+$/),
  })
  .strict();
export type DocUpdatePayload = z.infer<typeof docUpdateSchema>;

export const docSyncSchema = z.object({ docId, stateVector: binarySchema }).strict();
export type DocSyncPayload = z.infer<typeof docSyncSchema>;

export const docCloseSchema = z.object({ docId }).strict();
export type DocClosePayload = z.infer<typeof docCloseSchema>;

export const awarenessUpdateSchema = z.object({ docId, update: binarySchema }).strict();
export type AwarenessUpdatePayload = z.infer<typeof awarenessUpdateSchema>;

export const presenceLocationSchema = z
  .object({
    /** Route-like name of the page, e.g. "documents" or "members". */
    page: z.string().max(60),
    docId: z.uuid().nullable().optional(),
  })
  .strict();
export type PresenceLocation = z.infer<typeof presenceLocationSchema>;

export const presenceJoinSchema = z
  .object({ coalitionId: z.uuid(), location: presenceLocationSchema })
  .strict();
export type PresenceJoinPayload = z.infer<typeof presenceJoinSchema>;
export const presenceUpdateSchema = presenceJoinSchema;
export const presenceLeaveSchema = z.object({ coalitionId: z.uuid() }).strict();

export type DocRole = DocPermission;

export interface CollabError {
  code: ErrorCode;
  message: string;
}

export type CollabAck<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: CollabError };

export interface OpenResult {
  role: DocRole;
  /** Everything the client is missing (Yjs update: diff against its state vector). */
  update: Uint8Array;
  /** The server's state vector, so the client can send what the server is missing. */
  stateVector: Uint8Array;
  /** Head sequence number of the document's update log. */
  seq: number;
}

export interface SyncResult {
  update: Uint8Array;
  stateVector: Uint8Array;
  seq: number;
}

export interface UpdateResult {
  seq: number;
}

/**
 * S->C broadcast of committed updates: `update` holds the updates with seqs `fromSeq`..`seq` (one
 * update when `fromSeq` is absent). Under load the server merges the updates of one group commit
 * into one broadcast to the whole room, so it may contain the receiver's own updates (applying them
 * again is a no-op in Yjs). A single update is never sent back to its sender.
 */
export interface DocUpdateBroadcast {
  docId: string;
  update: Uint8Array;
  seq: number;
  fromSeq?: number;
}

export interface DocRevokedMessage {
  docId: string;
  reason: 'access-changed' | 'session-revoked' | 'removed-from-coalition' | 'deleted';
}

/** Why the server is about to disconnect this socket (CollabEvents.ServerDisconnect). */
export interface ServerDisconnectMessage {
  reason: CollabDisconnectReason;
  message: string;
}

export interface AwarenessBroadcast {
  docId: string;
  update: Uint8Array;
}

export interface PresenceMember {
  userId: string;
  name: string;
  organizationId: string;
  organizationName: string;
  /** Where the user is, one entry per connected tab. */
  locations: PresenceLocation[];
}

export interface PresenceState {
  coalitionId: string;
  /** Grows with every presence change of the coalition (across nodes); clients keep the highest. */
  version: number;
  members: PresenceMember[];
}

/**
 * Types in use: 'document', 'working-group', 'coalition', 'comment-thread' (parentId = document id),
 * 'notification' (sent only to its recipient), 'task', 'claim', 'org-export' (an organization's
 * data export; sent only to the organization's admins, with coalitionId null).
 */
export interface EntityChanged {
  /** The coalition of the entity; null for an organization's own entities (e.g. 'org-export'). */
  coalitionId: string | null;
  type: string;
  id: string;
  action: 'created' | 'updated' | 'deleted';
  /** The entity this one belongs to, e.g. the document of a comment thread. */
  parentId?: string;
}
