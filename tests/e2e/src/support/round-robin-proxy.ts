import { request } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import type { Socket } from 'node:net';

export interface RoundRobinProxy {
  url: string;
  /** WebSocket upgrades sent to each upstream so far (same order as `upstreams`). */
  upgrades: number[];
  close(): Promise<void>;
}

/**
 * A tiny reverse proxy in front of several API nodes, like nginx with `proxy_next_upstream error`:
 * each HTTP request and each WebSocket upgrade goes to the next upstream in turn (no stickiness);
 * an upstream that refuses the TCP connection (stopped) is skipped. Enough to show that clients
 * need no sticky sessions with the websocket-only transport.
 */
export async function startRoundRobinProxy(upstreams: number[]): Promise<RoundRobinProxy> {
  let turn = 0;
  const upgrades = upstreams.map(() => 0);
  const sockets = new Set<Socket>();
  const order = () => {
    const first = turn++ % upstreams.length;
    return upstreams.map((_, i) => (first + i) % upstreams.length);
  };

  const server: Server = createServer((req, res) => {
    const candidates = order();
    const attempt = () => {
      const index = candidates.shift();
      if (index === undefined) {
        res.writeHead(502).end('no upstream answered');
        return;
      }
      const upstream = request(
        {
          host: '127.0.0.1',
          port: upstreams[index],
          method: req.method,
          path: req.url,
          headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED' && !res.headersSent) attempt();
        else res.destroy();
      });
      req.pipe(upstream);
    };
    attempt();
  });

  server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    const candidates = order();
    const attempt = () => {
      const index = candidates.shift();
      if (index === undefined) {
        client.destroy();
        return;
      }
      const upstream = connect(upstreams[index], '127.0.0.1');
      upstream.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'ECONNREFUSED') attempt();
        else client.destroy();
      });
      upstream.once('connect', () => {
        upgrades[index] += 1;
        sockets.add(upstream);
        upstream.on('close', () => {
          sockets.delete(upstream);
          client.destroy();
        });
        upstream.on('error', () => upstream.destroy());
        client.on('close', () => upstream.destroy());
        const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
        for (let i = 0; i < req.rawHeaders.length; i += 2)
          lines.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
        upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
        if (head.length) upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
    };
    attempt();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    upgrades,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
