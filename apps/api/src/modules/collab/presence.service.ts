import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PresenceLocation, PresenceMember, PresenceState } from '@coalesce/protocol';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { APP_CONFIG } from '../../core/config/config.module.js';
import type { AppConfig } from '../../core/config/app-config.js';
import { MemoryPresenceStore, RedisPresenceStore } from './presence-store.js';
import type { PresenceStore } from './presence-store.js';

/** Who is online in a coalition and where; in Redis when REDIS_URL is set, so every node agrees. */
@Injectable()
export class PresenceService implements OnModuleInit, OnApplicationShutdown {
  private store: PresenceStore = new MemoryPresenceStore();
  private readonly orgNames = new Map<string, string>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.redisUrl) return;
    const store = new RedisPresenceStore(this.config.redisUrl);
    await store.connect();
    this.store = store;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }

  async set(
    coalitionId: string,
    socketId: string,
    user: AuthUser,
    location: PresenceLocation,
  ): Promise<void> {
    await this.store.set(coalitionId, socketId, {
      userId: user.id,
      name: user.name,
      organizationId: user.organizationId,
      organizationName: await this.orgName(user.organizationId),
      location,
    });
  }

  remove(coalitionId: string, socketId: string): Promise<void> {
    return this.store.remove(coalitionId, socketId);
  }

  /** Members online, one per user, with the locations of all their tabs. */
  async state(coalitionId: string): Promise<PresenceState> {
    const byUser = new Map<string, PresenceMember>();
    const { version, entries } = await this.store.list(coalitionId);
    for (const entry of entries) {
      const member = byUser.get(entry.userId);
      if (member) member.locations.push(entry.location);
      else
        byUser.set(entry.userId, {
          userId: entry.userId,
          name: entry.name,
          organizationId: entry.organizationId,
          organizationName: entry.organizationName,
          locations: [entry.location],
        });
    }
    return {
      coalitionId,
      version,
      members: [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  private async orgName(organizationId: string): Promise<string> {
    let name = this.orgNames.get(organizationId);
    if (name === undefined) {
      const rows: Array<{ name: string }> = await this.db.query(
        'SELECT name FROM organizations WHERE id = $1',
        [organizationId],
      );
      name = rows[0]?.name ?? '';
      if (this.orgNames.size > 10_000) this.orgNames.clear();
      this.orgNames.set(organizationId, name);
    }
    return name;
  }
}
