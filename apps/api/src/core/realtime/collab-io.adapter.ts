import type { IncomingMessage } from 'node:http';
import type { INestApplicationContext } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';
import { MAX_SOCKET_MESSAGE_BYTES, collabWireParser } from '@coalesce/protocol';
import type { Metrics } from '../metrics/metrics.service.js';
import { OriginPolicy } from '../security/origin-policy.js';

type RedisClient = ReturnType<typeof createClient>;

/**
 * Socket.IO server options for the whole app: websocket transport, the /collab wire parser (one
 * frame per packet), message size matched to the update cap, the same origin allow-list as CORS
 * (browsers do not apply CORS to WebSockets, so the handshake checks `Origin` itself), no
 * connections to the unused main namespace, and — with REDIS_URL — the Redis adapter so several
 * API processes share rooms. Reports the sockets connected to this process per namespace (read at
 * scrape time).
 */
export class CollabIoAdapter extends IoAdapter {
  private readonly log = new Logger('CollabIoAdapter');
  private clients: RedisClient[] = [];
  private adapterFactory: ReturnType<typeof createAdapter> | null = null;
  private server: Server | null = null;

  constructor(
    app: INestApplicationContext,
    private readonly redisUrl: string | null,
    metrics?: Metrics,
    /** Browser origins allowed besides the server's own (CORS_ORIGINS); none by default. */
    private readonly origins: OriginPolicy = new OriginPolicy([]),
  ) {
    super(app);
    const namespaces = () => (this.server ? [...this.server._nsps] : []);
    metrics?.gauge({
      name: 'coalesce_socket_connections',
      help: 'Socket.IO connections open on this process, per namespace.',
      labelNames: ['namespace'],
      collect() {
        this.reset();
        for (const [namespace, nsp] of namespaces()) this.set({ namespace }, nsp.sockets.size);
      },
    });
  }

  /** Readiness: the adapter's Redis connection answers (throws without one). */
  async pingRedis(): Promise<void> {
    const [pub] = this.clients;
    if (!pub) throw new Error('not connected to Redis');
    await pub.ping();
  }

  async connectRedis(): Promise<void> {
    if (!this.redisUrl) return;
    const pub = createClient({ url: this.redisUrl });
    const sub = pub.duplicate();
    for (const client of [pub, sub])
      client.on('error', (error: Error) => this.log.warn(`Redis: ${error.message}`));
    await Promise.all([pub.connect(), sub.connect()]);
    this.clients = [pub, sub];
    this.adapterFactory = createAdapter(pub, sub, { key: 'coalesce' });
    this.log.log('Socket.IO uses the Redis adapter');
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...(options as ServerOptions),
      transports: ['websocket'],
      // One WebSocket frame per packet, binary included (the default parser sends two).
      parser: collabWireParser,
      maxHttpBufferSize: MAX_SOCKET_MESSAGE_BYTES,
      pingInterval: 10_000,
      pingTimeout: 10_000,
      cors: {
        origin: (origin, callback) => callback(null, this.origins.isListed(origin)),
        credentials: true,
      },
      // Clients without an Origin (Node scripts, tests) authenticate with their token alone; a
      // browser page from another site is refused before any namespace sees it.
      allowRequest: (req: IncomingMessage, callback) => {
        const { origin, host } = req.headers;
        const allowed = origin === undefined || this.origins.allows(origin, host);
        callback(allowed ? null : 'ORIGIN_NOT_ALLOWED', allowed);
      },
    });
    if (this.adapterFactory) server.adapter(this.adapterFactory);
    // Every feature lives in a named namespace (/collab); the main one accepts nobody.
    server.of('/').use((_socket, next) => {
      next(
        Object.assign(new Error('NOT_FOUND'), {
          data: { code: 'NOT_FOUND', message: 'Connect to a feature namespace such as /collab.' },
        }),
      );
    });
    this.server = server;
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await this.dispose();
  }

  override async dispose(): Promise<void> {
    const clients = this.clients;
    this.clients = [];
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  }
}
