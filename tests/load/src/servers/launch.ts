/**
 * Orchestrator side of the servers: each runs in its own child process on 127.0.0.1.
 * Reference servers report their port over IPC; Coalesce is the built API (apps/api/dist/main.js)
 * on a throwaway PostgreSQL database that is created here and dropped at the end of the run.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, existsSync, openSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import type { ServerKind } from '../clients/types.js';
import { sleep, withTimeout } from '../lib/clock.js';
import { DIST, ROOT } from '../lib/paths.js';
import { freePort } from '../lib/proc.js';

export interface ServerHandle {
  kind: ServerKind;
  pid: number;
  port: number;
  token?: string;
  /** Coalesce: name of its database (to find the PostgreSQL backends serving it). */
  dbName?: string;
  /** Coalesce: connection string of its database. */
  dbUrl?: string;
  createDocs(n: number): Promise<string[]>;
  stop(): Promise<void>;
}

function waitExit(child: ChildProcess, ms: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = waitExit(child, 10_000);
  child.kill('SIGTERM');
  await exited;
}

export async function startReference(
  kind: 'ywebsocket' | 'hocuspocus',
  logFile: string,
): Promise<ServerHandle> {
  const fd = openSync(logFile, 'a');
  const child = fork(join(DIST, 'servers', `${kind}.js`), [], {
    stdio: ['ignore', fd, fd, 'ipc'],
    execArgv: [],
  });
  closeSync(fd);
  const port = await withTimeout(
    new Promise<number>((resolve, reject) => {
      child.on('message', (m: { type: string; port: number }) => {
        if (m.type === 'listening') resolve(m.port);
      });
      child.once('exit', (code) =>
        reject(new Error(`${kind} server exited (${code}), see ${logFile}`)),
      );
    }),
    15_000,
    `${kind} server start`,
  );
  return {
    kind,
    pid: child.pid!,
    port,
    createDocs: async (n) => Array.from({ length: n }, () => randomUUID()),
    stop: () => stopChild(child),
  };
}

const ADMIN_URL = process.env.BENCH_PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** When the PostgreSQL server last started (to notice a restart by something else during a run). */
export async function postgresStartTime(): Promise<string> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT pg_postmaster_start_time()::text AS t');
    return String(rows[0].t);
  } catch (error) {
    return `unreachable (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
const DEMO_LOGIN = { email: 'maya@polaris.demo', password: 'Demo-Coalition-2026' };

/** Coalesce API process plus its throwaway database; one instance per run, restartable. */
export class CoalesceHost {
  private child: ChildProcess | null = null;
  port = 0;
  token = '';
  private coalitionId = '';
  private readonly jwtSecret = randomBytes(32).toString('hex');
  private created = false;

  private constructor(
    readonly dbName: string,
    private readonly logFile: string,
  ) {}

  static mainScript = join(ROOT, 'apps/api/dist/main.js');

  static async create(logFile: string): Promise<CoalesceHost> {
    if (!existsSync(CoalesceHost.mainScript)) {
      throw new Error(
        `${CoalesceHost.mainScript} is missing: build first (npx nx run-many -t build -p domain protocol api)`,
      );
    }
    const host = new CoalesceHost(
      `coalesce_bench_${Date.now()}_${randomBytes(3).toString('hex')}`,
      logFile,
    );
    await host.admin(`CREATE DATABASE ${host.dbName}`);
    host.created = true;
    return host;
  }

  /** Runs an admin statement; retries for up to 60 s while PostgreSQL is restarting or unreachable. */
  private async admin(sql: string): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (let attempt = 1; ; attempt++) {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      try {
        await client.connect();
        await client.query(sql);
        return;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        const transient = ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET'].includes(code);
        if (!transient || Date.now() > deadline) throw error;
        await sleep(Math.min(5000, 250 * attempt));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  }

  get dbUrl(): string {
    const u = new URL(ADMIN_URL);
    u.pathname = `/${this.dbName}`;
    return u.toString();
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** Starts the API (a new process, same database) and waits for /api/health. */
  async start(): Promise<ServerHandle> {
    if (this.child) throw new Error('Coalesce is already running');
    this.port = await freePort();
    const fd = openSync(this.logFile, 'a');
    // BENCH_COALESCE_NODE_ARGS: extra node flags for the API process (e.g. "--cpu-prof"); COLLAB_*
    // variables of the bench's environment reach the API too.
    const nodeArgs = (process.env.BENCH_COALESCE_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = spawn(process.execPath, [...nodeArgs, CoalesceHost.mainScript], {
      cwd: ROOT,
      stdio: ['ignore', fd, fd],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATABASE_URL: this.dbUrl,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
        JWT_SECRET: this.jwtSecret,
        MFA_ENCRYPTION_KEY: `${this.jwtSecret}-mfa`,
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        // Engine settings to try (COLLAB_COMMIT_WINDOW_MS=2 npm run bench ...); none by default.
        ...Object.fromEntries(
          Object.entries(process.env).filter(([key]) => key.startsWith('COLLAB_')),
        ),
      },
    });
    closeSync(fd);
    this.child = child;
    let exited = false;
    child.once('exit', () => {
      exited = true;
      if (this.child === child) this.child = null;
    });
    const base = `http://127.0.0.1:${this.port}`;
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (exited) throw new Error(`Coalesce exited during start-up, see ${this.logFile}`);
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`Coalesce did not become healthy in 90 s, see ${this.logFile}`);
      }
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) break;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    if (!this.token) await this.login();
    return {
      kind: 'coalesce',
      pid: child.pid!,
      port: this.port,
      token: this.token,
      dbName: this.dbName,
      dbUrl: this.dbUrl,
      createDocs: (n) => this.createDocs(n),
      stop: () => this.stop(),
    };
  }

  private async api<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`http://127.0.0.1:${this.port}/api/v1/${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : {}) as T;
  }

  /** Logs in once per run (the login rate limit is per account and per IP); the token lives 24 h. */
  private async login(): Promise<void> {
    const { accessToken } = await this.api<{ accessToken: string }>(
      'POST',
      'auth/login',
      DEMO_LOGIN,
    );
    if (!accessToken) throw new Error('login returned no accessToken');
    this.token = accessToken;
    const me = await this.api<{ coalitions?: Array<{ id: string }> }>('GET', 'me');
    const id = me.coalitions?.[0]?.id;
    if (!id) throw new Error('the demo user has no coalition (GET /me)');
    this.coalitionId = id;
  }

  async createDocs(n: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const doc = await this.api<{ id: string }>(
        'POST',
        `coalitions/${this.coalitionId}/documents`,
        { title: `bench ${i + 1}`, kind: 'note' },
      );
      if (!doc.id) throw new Error('document creation returned no id');
      ids.push(doc.id);
    }
    return ids;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child) await stopChild(child);
  }

  /** Stops the API and drops the database (also after a failure). */
  async dispose(): Promise<void> {
    await this.stop();
    if (this.created) {
      this.created = false;
      await this.admin(`DROP DATABASE IF EXISTS ${this.dbName} WITH (FORCE)`);
    }
  }
}
