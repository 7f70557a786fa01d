import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { Lifecycle } from './lifecycle.service.js';

export interface ShutdownTiming {
  /** How long the node keeps serving while /ready answers 503, before it drains. */
  drainMs: number;
  /** Longest whole shutdown; past it the process exits with code 1. */
  timeoutMs: number;
}

/**
 * The graceful shutdown of a running API: not ready at once (load balancers and the proxy stop
 * sending new work; new sockets are refused), a short drain delay, the modules' shutdown steps
 * (flush and ack pending group commits, tell sockets to reconnect elsewhere, compact), then Nest's
 * close (HTTP server, Socket.IO and its Redis clients, presence, the database pool).
 */
export async function shutDownGracefully(
  app: INestApplication,
  timing: Pick<ShutdownTiming, 'drainMs'>,
  reason: string,
): Promise<void> {
  const lifecycle = app.get(Lifecycle);
  lifecycle.beginShutdown(reason);
  // Keep-alive connections end with their current request (a health check polling every few ms
  // would otherwise keep one busy and hold up the HTTP server's close for good).
  const server = app.getHttpServer() as Server;
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) =>
    res.setHeader('Connection', 'close'),
  );
  server.closeIdleConnections();
  if (timing.drainMs > 0) await new Promise((resolve) => setTimeout(resolve, timing.drainMs));
  await lifecycle.runShutdownSteps();
  // Every socket has been told to reconnect elsewhere by now. A connection still open a little
  // later would hold up the HTTP server's close, and with it Socket.IO's and the whole shutdown: cut.
  const cut = setTimeout(() => server.closeAllConnections(), STRAGGLER_GRACE_MS);
  cut.unref();
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
}

/** How long Nest's close may wait for open connections before they are cut. */
const STRAGGLER_GRACE_MS = 2000;

/**
 * SIGTERM / SIGINT: shut down gracefully and exit 0 (1 past `timeoutMs` or on failure). A second
 * signal while shutting down exits at once with code 1.
 */
export function exitGracefullyOnSignals(app: INestApplication, timing: ShutdownTiming): void {
  const logger = new Logger('Shutdown');
  let started: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started !== null) {
      logger.warn(`${signal} again while shutting down: exiting now`);
      process.exit(1);
    }
    started = Date.now();
    const deadline = setTimeout(() => {
      logger.error(`shutdown not finished after ${timing.timeoutMs} ms: exiting with code 1`);
      process.exit(1);
    }, timing.timeoutMs);
    deadline.unref();
    shutDownGracefully(app, timing, signal).then(
      () => {
        logger.log(`stopped in ${Date.now() - started!} ms`);
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
