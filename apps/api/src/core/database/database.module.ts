import { Inject, Injectable, Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { MIGRATIONS } from './migrations/index.js';
import { SafeTypeOrmLogger } from './typeorm-logger.js';

/** Holds the embedded PostgreSQL when DATABASE_URL is not set, and stops it after the pool closes. */
@Injectable()
export class DatabaseServer implements OnApplicationShutdown {
  private embedded: EmbeddedPostgres | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async url(): Promise<string> {
    if (this.config.databaseUrl) return this.config.databaseUrl;
    this.embedded ??= await startEmbeddedPostgres(
      this.config.dataDir === ':memory:' ? null : this.config.dataDir,
    );
    return this.embedded.url;
  }

  get isEmbedded(): boolean {
    return this.embedded !== null;
  }

  async onApplicationShutdown(): Promise<void> {
    // The DataSource hook may run before or after this one; closing twice is guarded.
    if (this.embedded) await this.embedded.stop().catch(() => undefined);
  }
}

@Module({
  providers: [DatabaseServer],
  exports: [DatabaseServer],
})
class DatabaseServerModule {}

/**
 * TypeORM on PostgreSQL (DATABASE_URL) or the embedded PGlite. Migrations run at start;
 * `synchronize` is never used.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      imports: [DatabaseServerModule],
      inject: [DatabaseServer],
      useFactory: async (server: DatabaseServer) => ({
        type: 'postgres' as const,
        url: await server.url(),
        autoLoadEntities: true,
        migrations: MIGRATIONS,
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
        synchronize: false,
        uuidExtension: 'pgcrypto' as const,
        // PGlite is one session; its socket multiplexer has been seen to interleave extended-protocol
        // messages of concurrent connections ("portal does not exist"), so the embedded pool has one.
        // Idle connections stay open: opening one forks a PostgreSQL backend, and with pg-pool's
        // 10 s idle timeout the pool shrank and regrew all the time under steady editing, which
        // showed as 50-250 ms latency spikes in the S1 benchmark (p99 1×50 47 -> 17 ms without).
        extra: { max: server.isEmbedded ? 1 : 20, idleTimeoutMillis: 0 },
        logger: new SafeTypeOrmLogger(),
        maxQueryExecutionTime: 2000,
      }),
    }),
    DatabaseServerModule,
  ],
  exports: [DatabaseServerModule],
})
export class DatabaseModule {}
