import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

export interface ApiExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface RunningApi {
  baseUrl: string;
  port: number;
  pid: number;
  /** Everything the server printed, for failure messages. */
  output(): string;
  /** Resolves when the process has ended, with its exit code or signal. */
  exited: Promise<ApiExit>;
  /** Sends a signal (e.g. SIGTERM for a graceful shutdown) without waiting. */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (SIGKILL after 5 s), then deletes the embedded data directory unless it was given. */
  stop(): Promise<void>;
}

export interface StartApiOptions {
  timeoutMs?: number;
  /** A PostgreSQL database to run on. Default: a fresh embedded database in a temporary directory. */
  databaseUrl?: string;
  /** An embedded database directory to run on (e.g. to restart on the same data); kept at stop. */
  dataDir?: string;
  /** Extra environment, e.g. REDIS_URL or SHUTDOWN_DRAIN_MS. */
  env?: Record<string, string>;
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the built API (`apps/api/dist/main.js`, which also serves `apps/web/dist`) on a free
 * port with the demo seed — on a fresh embedded database unless told otherwise — and waits for
 * GET /api/health.
 */
export async function startApi(options: StartApiOptions = {}): Promise<RunningApi> {
  const { timeoutMs = 90_000 } = options;
  const port = await freePort();
  const ownDataDir = !options.dataDir && !options.databaseUrl;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'coalesce-e2e-data-'));
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: options.databaseUrl ?? '',
      REDIS_URL: '',
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      LOG_PRETTY: 'false',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<ApiExit>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The API exited with code ${child.exitCode} while starting:\n${output}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok)
        return {
          baseUrl,
          port,
          pid: child.pid ?? 0,
          output: () => output,
          exited,
          kill: (signal) => child.kill(signal),
          stop,
        };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The API did not become healthy within ${timeoutMs} ms:\n${output}`);
}
