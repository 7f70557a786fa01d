import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { uuid_ossp } from '@electric-sql/pglite/contrib/uuid_ossp';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** postgres:// URL of the loopback socket the ordinary `pg` driver connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts an in-process PostgreSQL (PGlite, WebAssembly) and serves it on a loopback port, so
 * TypeORM and `pg` use it exactly like a server. `dataDir` null keeps it in memory (tests).
 * PGlite is one session: pglite-socket queues other connections while a transaction is open.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<EmbeddedPostgres> {
  let location = 'memory://';
  if (dataDir) {
    location = resolve(dataDir, 'pglite');
    await mkdir(location, { recursive: true });
  }
  const db = await PGlite.create(location, { extensions: { uuid_ossp, pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
