import type { DocPermission } from '@coalesce/domain';
import type { LayerOf } from '../../core/access/access-policy.service.js';

interface Entry {
  permission: DocPermission | null;
  coalitionId: string | null;
  /** Set when the document is a private layer of a case map (its reads are audited). */
  layer: LayerOf | null;
  expiresAt: number;
}

/**
 * Short-lived memo of "what may this organization do with this document", so the edit check on
 * every update does not cost a query. Access changes clear the affected entries at once.
 */
export class DocPermissionCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ttlMs: number) {}

  get(orgId: string, docId: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(`${orgId}:${docId}`);
    if (!entry || entry.expiresAt <= now) return undefined;
    return entry;
  }

  set(
    orgId: string,
    docId: string,
    permission: DocPermission | null,
    coalitionId: string | null,
    layer: LayerOf | null = null,
    now = Date.now(),
  ): void {
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(`${orgId}:${docId}`, {
      permission,
      coalitionId,
      layer,
      expiresAt: now + this.ttlMs,
    });
  }

  /** Forgets entries matching the change (all when nothing is given). */
  invalidate(change: { coalitionId?: string; organizationId?: string; docId?: string }): void {
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
