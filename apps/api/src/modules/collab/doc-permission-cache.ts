import type { DocPermission } from '@coalesce/domain';
import type { LayerOf } from '../../core/access/access-policy.service.js';

export interface CachedAccess {
  permission: DocPermission | null;
  coalitionId: string | null;
  /** Set when the document is a private layer of a case map (its reads are audited). */
  layer: LayerOf | null;
}

interface Entry extends CachedAccess {
  storedAt: number;
  expiresAt: number;
}

/**
 * Short-lived memo of "what may this organization do with this document", so the edit check on
 * every update does not cost a query. Access changes clear the affected entries at once, and an
 * answer read before a change is never stored after it (see `generation`).
 */
export class DocPermissionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every invalidation: a lookup that started under an older one is not stored. */
  private current = 0;

  constructor(private readonly ttlMs: number) {}

  /** Pass to `set` the generation taken before the lookup started. */
  get generation(): number {
    return this.current;
  }

  get(orgId: string, docId: string, now = Date.now()): CachedAccess | undefined {
    const entry = this.entries.get(`${orgId}:${docId}`);
    if (!entry || entry.expiresAt <= now) return undefined;
    return entry;
  }

  /** Whether the entry is past half its life (a refresh ahead of expiry is due). */
  ageing(orgId: string, docId: string, now = Date.now()): boolean {
    const entry = this.entries.get(`${orgId}:${docId}`);
    return !!entry && now - entry.storedAt >= this.ttlMs / 2;
  }

  set(
    orgId: string,
    docId: string,
    access: CachedAccess,
    generation: number,
    now = Date.now(),
  ): void {
    if (generation !== this.current) return;
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(`${orgId}:${docId}`, {
      permission: access.permission,
      coalitionId: access.coalitionId,
      layer: access.layer,
      storedAt: now,
      expiresAt: now + this.ttlMs,
    });
  }

  /** Forgets entries matching the change (all when nothing is given). */
  invalidate(change: { coalitionId?: string; organizationId?: string; docId?: string }): void {
    this.current += 1;
    if (!change.coalitionId && !change.organizationId && !change.docId) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) {
      const [orgId, docId] = key.split(':');
      if (change.docId && change.docId !== docId) continue;
      if (change.organizationId && change.organizationId !== orgId) continue;
      if (change.coalitionId && change.coalitionId !== entry.coalitionId) continue;
      this.entries.delete(key);
    }
  }
}
