import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { PresenceLocation } from '@coalesce/protocol';

/** One connected tab of a user in a coalition. */
export interface PresenceEntry {
  userId: string;
  name: string;
  organizationId: string;
  organizationName: string;
  location: PresenceLocation;
}

export interface PresenceStore {
  set(coalitionId: string, socketId: string, entry: PresenceEntry): Promise<void>;
  remove(coalitionId: string, socketId: string): Promise<void>;
  /** The entries and the coalition's change counter, read after it (entries are at least that fresh). */
  list(coalitionId: string): Promise<{ version: number; entries: PresenceEntry[] }>;
  close(): Promise<void>;
}

/** Single process: presence in memory. */
export class MemoryPresenceStore implements PresenceStore {
  private readonly byCoalition = new Map<string, Map<string, PresenceEntry>>();
  private version = 0;

  async set(coalitionId: string, socketId: string, entry: PresenceEntry): Promise<void> {
    let entries = this.byCoalition.get(coalitionId);
    if (!entries) this.byCoalition.set(coalitionId, (entries = new Map()));
    entries.set(socketId, entry);
    this.version += 1;
  }

  async remove(coalitionId: string, socketId: string): Promise<void> {
    const entries = this.byCoalition.get(coalitionId);
    entries?.delete(socketId);
    if (entries && entries.size === 0) this.byCoalition.delete(coalitionId);
    this.version += 1;
  }

  async list(coalitionId: string): Promise<{ version: number; entries: PresenceEntry[] }> {
    return {
      version: this.version,
      entries: [...(this.byCoalition.get(coalitionId)?.values() ?? [])],
    };
  }

  async close(): Promise<void> {
    this.byCoalition.clear();
  }
}

const NODE_TTL_SECONDS = 30;

/**
 * Several nodes: presence in Redis, a hash per coalition (field = socket id). Each node keeps a
 * heartbeat key alive; entries of a node whose heartbeat expired (a crash) are ignored and cleaned.
 */
export class RedisPresenceStore implements PresenceStore {
  private readonly client: ReturnType<typeof createClient>;
  private readonly nodeId = randomUUID();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(url: string) {
    this.client = createClient({ url });
    this.client.on('error', () => undefined);
  }

  async connect(): Promise<void> {
    await this.client.connect();
    await this.beat();
    this.heartbeat = setInterval(
      () => void this.beat().catch(() => undefined),
      (NODE_TTL_SECONDS * 1000) / 3,
    );
    this.heartbeat.unref();
  }

  /**
   * Every change bumps the coalition's version in the same transaction, and a listing reads the
   * version and the hash in one transaction: a snapshot of version v holds every change up to v, so
   * clients can drop older snapshots even when two nodes broadcast concurrently.
   */
  async set(coalitionId: string, socketId: string, entry: PresenceEntry): Promise<void> {
    await this.client
      .multi()
      .hSet(key(coalitionId), socketId, JSON.stringify({ ...entry, node: this.nodeId }))
      .incr(versionKey(coalitionId))
      .exec();
  }

  async remove(coalitionId: string, socketId: string): Promise<void> {
    await this.client.multi().hDel(key(coalitionId), socketId).incr(versionKey(coalitionId)).exec();
  }

  async list(coalitionId: string): Promise<{ version: number; entries: PresenceEntry[] }> {
    const [storedVersion, hash] = await this.client
      .multi()
      .get(versionKey(coalitionId))
      .hGetAll(key(coalitionId))
      .exec();
    const version = Number(storedVersion ?? 0);
    const raw = (hash ?? {}) as unknown as Record<string, string>;
    const entries = Object.entries(raw).map(([socketId, json]) => ({
      socketId,
      ...(JSON.parse(json) as PresenceEntry & { node: string }),
    }));
    const nodes = [...new Set(entries.map((e) => e.node))];
    const alive = new Set<string>();
    for (const node of nodes)
      if (node === this.nodeId || (await this.client.exists(nodeKey(node)))) alive.add(node);
    const dead = entries.filter((e) => !alive.has(e.node)).map((e) => e.socketId);
    if (dead.length) await this.client.hDel(key(coalitionId), dead);
    const live = entries
      .filter((e) => alive.has(e.node))
      .map(({ userId, name, organizationId, organizationName, location }) => ({
        userId,
        name,
        organizationId,
        organizationName,
        location,
      }));
    return { version, entries: live };
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.client.del(nodeKey(this.nodeId)).catch(() => undefined);
    await this.client.quit().catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.client.set(nodeKey(this.nodeId), '1', { EX: NODE_TTL_SECONDS });
  }
}

const key = (coalitionId: string) => `coalesce:presence:${coalitionId}`;
const nodeKey = (nodeId: string) => `coalesce:presence-node:${nodeId}`;
const versionKey = (coalitionId: string) => `coalesce:presence-version:${coalitionId}`;
