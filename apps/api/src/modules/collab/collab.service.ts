import { Inject, Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import { permissionAllows } from '@coalesce/domain';
import { MAX_UPDATE_BYTES } from '@coalesce/protocol';
import type { OpenResult, SyncResult } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import { COLLAB_CONFIG } from './collab.config.js';
import type { CollabConfig } from './collab.config.js';
import { DocPermissionCache } from './doc-permission-cache.js';
import type { CachedAccess } from './doc-permission-cache.js';
import { DocStore } from './doc-store.js';
import type { DocState, StoredUpdate } from './doc-store.js';
import { LayerReadAudit } from './layer-read-audit.js';
import { UpdateCommitter } from './update-committer.js';
import { UpdateAdmission } from './update-admission.js';
import { assertValidUpdate } from './update-validation.js';

/** The rules of co-editing: who may open, read and write a document, and what a valid update is. */
@Injectable()
export class CollabService {
  readonly permissions: DocPermissionCache;
  /** Organization:document pairs whose permission is being refreshed ahead of expiry. */
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly policy: AccessPolicy,
    private readonly store: DocStore,
    private readonly committer: UpdateCommitter,
    private readonly admission: UpdateAdmission,
    private readonly layerReads: LayerReadAudit,
    @Inject(COLLAB_CONFIG) config: CollabConfig,
  ) {
    this.permissions = new DocPermissionCache(config.permissionCacheMs);
    this.committer.onCommitted(({ stored }) => {
      let i = 0;
      while (i < stored.length) {
        const docId = stored[i].docId;
        const first = stored[i].seq;
        const updates: Uint8Array[] = [];
        while (i < stored.length && stored[i].docId === docId) updates.push(stored[i++].update);
        this.store.cache.append(docId, first, updates);
      }
    });
  }

  /**
   * Permission of the user on the document (cached briefly); null when they may not know it exists.
   * A cached answer past half its life is refreshed in the background, so the edit check on the
   * update path does not wait for a query every few seconds under steady typing.
   */
  async permission(user: AuthUser, docId: string, fresh = false): Promise<CachedAccess> {
    if (!fresh) {
      const cached = this.permissions.get(user.organizationId, docId);
      if (cached) {
        if (this.permissions.ageing(user.organizationId, docId)) this.refreshAhead(user, docId);
        return cached;
      }
    }
    return this.lookUp(user, docId);
  }

  private refreshAhead(user: AuthUser, docId: string): void {
    const key = `${user.organizationId}:${docId}`;
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    this.lookUp(user, docId)
      .catch(() => undefined)
      .finally(() => this.refreshing.delete(key));
  }

  private async lookUp(user: AuthUser, docId: string): Promise<CachedAccess> {
    // An access change while the query runs makes its answer stale: then it is not cached.
    const generation = this.permissions.generation;
    const { permission, coalitionId, layer } = await this.policy.documentAccess(user, docId);
    const access = { permission, coalitionId, layer };
    this.permissions.set(user.organizationId, docId, access, generation);
    return access;
  }

  /**
   * `join` runs after the permission check and before the state is read, so an update committed
   * while the state is being read is still broadcast to this socket (never lost in between).
   */
  async open(
    user: AuthUser,
    docId: string,
    clientStateVector: Uint8Array | undefined,
    join: () => Promise<void> | void = () => undefined,
  ): Promise<OpenResult & { coalitionId: string }> {
    const { permission, coalitionId, layer } = await this.permission(user, docId, true);
    if (!permission || !coalitionId) throw AppError.notFound('Document');
    if (layer)
      await this.layerReads.record({ user, layerId: docId, layer, coalitionId, via: 'doc:open' });
    await join();
    const loaded = await this.store.load(docId);
    return { role: permission, coalitionId, seq: loaded.seq, ...diff(loaded, clientStateVector) };
  }

  async sync(user: AuthUser, docId: string, clientStateVector: Uint8Array): Promise<SyncResult> {
    const { permission, coalitionId, layer } = await this.permission(user, docId);
    if (!permission || !coalitionId) throw AppError.notFound('Document');
    const loaded = await this.store.load(docId);
    const answer = { seq: loaded.seq, ...diff(loaded, clientStateVector) };
    if (layer && LayerReadAudit.carriesContent(answer.update))
      await this.layerReads.record({ user, layerId: docId, layer, coalitionId, via: 'doc:sync' });
    return answer;
  }

  /**
   * Validates and durably stores an update; resolves after COMMIT with the stored seq (the
   * broadcast to the document's room has gone out by then: `CollabBroadcaster`). What the
   * server already has is trimmed first (a resend after reconnect overlaps), so the log never holds
   * two versions of the same struct. Updates of one document are validated in arrival order.
   */
  async update(
    user: AuthUser,
    docId: string,
    update: Uint8Array,
    updateId: string,
    origin: string | null = null,
  ): Promise<StoredUpdate & { update: Uint8Array }> {
    if (update.byteLength > MAX_UPDATE_BYTES) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `An update may be at most ${MAX_UPDATE_BYTES} bytes.`,
      );
    }
    assertValidUpdate(update);
    const queued = await this.admission.admit(
      docId,
      update,
      updateId,
      user.id,
      async () => {
        const { permission } = await this.permission(user, docId);
        if (!permission) throw AppError.notFound('Document');
        if (!permissionAllows(permission, 'edit')) {
          throw AppError.forbidden('You may view this document but not edit it.');
        }
      },
      origin,
    );
    if (queued.known) {
      const { seq } = await this.store.load(docId);
      return { updateId, docId, seq, duplicate: true, update };
    }
    try {
      return { ...(await queued.commit), update: queued.fresh };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError(
        'UNAVAILABLE',
        'The update could not be stored right now; it will be retried.',
      );
    }
  }
}

/**
 * What a client with `clientStateVector` is missing, and the server's state vector. A client that
 * has nothing (no or an empty state vector) gets the state as it is: no decoding of the document.
 */
function diff(
  { state, stateVector }: DocState,
  clientStateVector: Uint8Array | undefined,
): { update: Uint8Array; stateVector: Uint8Array } {
  const serverStateVector = Y.encodeStateVector(stateVector);
  try {
    if (!clientStateVector || Y.decodeStateVector(clientStateVector).size === 0)
      return { update: state, stateVector: serverStateVector };
    return { update: Y.diffUpdate(state, clientStateVector), stateVector: serverStateVector };
  } catch {
    throw new AppError('INVALID_UPDATE', 'The state vector could not be decoded.');
  }
}
