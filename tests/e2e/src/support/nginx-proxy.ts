import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, freePort } from './api-server.js';

export interface ReverseProxy {
  url: string;
  close(): Promise<void>;
}

/**
 * deploy/nginx.conf as compose runs it, rendered for this machine: the upstream services `app`
 * and `app-2` become the given local ports, it listens on a free loopback port, and its logs and
 * temporary files go to a scratch directory. Everything else (websocket upgrade, timeouts,
 * balancing, the /api/metrics block) is the file users deploy.
 */
export function renderNginxConf(
  upstreamPorts: [number, number],
  port: number,
  dir: string,
): string {
  const conf = readFileSync(join(REPO_ROOT, 'deploy/nginx.conf'), 'utf8');
  const rendered = conf
    .replace(/server app:3000\b/, `server 127.0.0.1:${upstreamPorts[0]}`)
    .replace(/server app-2:3000\b/, `server 127.0.0.1:${upstreamPorts[1]}`)
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(
      /http \{/,
      [
        'http {',
        `  access_log off;`,
        `  error_log ${dir}/error.log warn;`,
        ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
          (kind) => `  ${kind}_temp_path ${dir}/${kind};`,
        ),
      ].join('\n'),
    );
  if (rendered.includes('server app')) throw new Error('deploy/nginx.conf: unexpected upstreams');
  return rendered.replace(/worker_processes auto;/, 'worker_processes 1;');
}

/** Runs nginx (the binary at `nginxBin`) with the rendered deploy/nginx.conf in the foreground. */
export async function startNginxProxy(
  nginxBin: string,
  upstreamPorts: [number, number],
): Promise<ReverseProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'coalesce-nginx-'));
  mkdirSync(join(dir, 'logs'));
  const port = await freePort();
  const confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, renderNginxConf(upstreamPorts, port, dir));
  let output = '';
  const child = spawn(
    nginxBin,
    ['-p', dir, '-c', confPath, '-g', `daemon off; pid ${dir}/nginx.pid;`],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${output}`);
    try {
      await fetch(`${url}/api/health/live`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not listen: ${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    close: async () => {
      child.kill('SIGQUIT');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
