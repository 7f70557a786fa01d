/**
 * One API process (apps/api/dist/main.js) as a child process on 127.0.0.1, restartable on the same
 * port and database, plus the REST calls the scenarios need (login, GET me, create documents).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, sleep } from './util.js';

/** The built API; CHAOS_API_MAIN points the scenarios at another build (e.g. a patched copy). */
export const MAIN_SCRIPT = process.env.CHAOS_API_MAIN ?? join(ROOT, 'apps/api/dist/main.js');

export interface ApiNodeOptions {
  name: string;
  port: number;
  databaseUrl: string;
  jwtSecret: string;
  redisUrl?: string;
  logFile: string;
  /** Extra environment (e.g. COLLAB_COMPACT_AFTER_UPDATES). */
  env?: Record<string, string>;
}

export interface HealthSample {
  at: number;
  /** 'ok', 'degraded' (503: database down) or 'unreachable' (no HTTP answer). */
  status: 'ok' | 'degraded' | 'unreachable';
}

export class ApiNode {
  private child: ChildProcess | null = null;
  /** Every process started for this node: pid, and how it ended. */
  readonly history: Array<{ pid: number; exit?: { code: number | null; signal: string | null } }> =
    [];

  constructor(readonly options: ApiNodeOptions) {
    if (!existsSync(MAIN_SCRIPT)) {
      throw new Error(
        `${MAIN_SCRIPT} is missing: build first (npx nx run-many -t build -p domain protocol collab-client api)`,
      );
    }
  }

  get name(): string {
    return this.options.name;
  }

  get port(): number {
    return this.options.port;
  }

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get pid(): number {
    return this.child?.pid ?? 0;
  }

  /** The current process is running (not exited). */
  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Starts a new process and waits for GET /api/health = 200. */
  async start(timeoutMs = 90_000): Promise<number> {
    if (this.running) throw new Error(`${this.name} is already running`);
    const fd = openSync(this.options.logFile, 'a');
    const child = spawn(process.execPath, [MAIN_SCRIPT], {
      cwd: ROOT,
      stdio: ['ignore', fd, fd],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        NODE_ENV: 'production',
        PORT: String(this.options.port),
        HOST: '127.0.0.1',
        DATABASE_URL: this.options.databaseUrl,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        LOG_PRETTY: 'false',
        JWT_SECRET: this.options.jwtSecret,
        MFA_ENCRYPTION_KEY: `${this.options.jwtSecret}-mfa`,
        ACCESS_TOKEN_TTL_SECONDS: '86400',
        ...(this.options.redisUrl ? { REDIS_URL: this.options.redisUrl } : {}),
        ...(this.options.env ?? {}),
      },
    });
    closeSync(fd);
    this.child = child;
    const entry: (typeof this.history)[number] = { pid: child.pid ?? 0 };
    this.history.push(entry);
    child.once('exit', (code, signal) => {
      entry.exit = { code, signal };
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (entry.exit) {
        throw new Error(
          `${this.name} exited during start-up (${JSON.stringify(entry.exit)}), see ${this.options.logFile}`,
        );
      }
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(
          `${this.name} not healthy after ${timeoutMs} ms, see ${this.options.logFile}`,
        );
      }
      if ((await this.health()).status === 'ok') return child.pid ?? 0;
      await sleep(100);
    }
  }

  async health(): Promise<HealthSample> {
    const at = Date.now();
    try {
      const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(4000) });
      await res.text();
      return { at, status: res.ok ? 'ok' : 'degraded' };
    } catch {
      return { at, status: 'unreachable' };
    }
  }

  /** `kill -9`: no shutdown hook runs, nothing is drained. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    process.kill(child.pid!, 'SIGKILL');
    await exited;
  }

  /** Graceful stop (SIGTERM, then SIGKILL after 10 s). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  }

  /** Lines of the log at level error (50) or fatal (60), plus anything that is not JSON. */
  logProblems(): { errors: string[]; warnings: string[] } {
    const errors: string[] = [];
    const warnings: string[] = [];
    let text = '';
    try {
      text = readFileSync(this.options.logFile, 'utf8');
    } catch {
      return { errors, warnings };
    }
    for (const line of text.split('\n')) {
      if (!line.trim() || /Coalesce is running at/.test(line)) continue;
      try {
        const entry = JSON.parse(line) as { level?: number };
        if ((entry.level ?? 0) >= 50) errors.push(line);
        else if ((entry.level ?? 0) >= 40) warnings.push(line);
      } catch {
        // Plain console output (the start-up banner) unless it looks like a crash.
        if (/error|unhandled|fatal|exception/i.test(line)) errors.push(line);
      }
    }
    return { errors, warnings };
  }
}

export const DEMO_PASSWORD = 'Demo-Coalition-2026';
export const DEMO_USERS = [
  'maya@polaris.demo',
  'grace@solidarity.demo',
  'priya@heal.demo',
  'alex@hua.demo',
  'rosa@gulfcoast.demo',
] as const;

export interface Session {
  email: string;
  userId: string;
  name: string;
  token: string;
  coalitionId: string;
}

async function rest<T>(base: string, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${base}/api/v1/${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

/** Logs in once per user (the login endpoint is rate-limited); tokens live 24 h. */
export async function login(base: string, email: string): Promise<Session> {
  const { accessToken } = await rest<{ accessToken: string }>(
    base,
    'POST',
    'auth/login',
    undefined,
    {
      email,
      password: DEMO_PASSWORD,
    },
  );
  if (!accessToken) throw new Error(`login ${email}: no accessToken`);
  const me = await rest<{
    id?: string;
    name?: string;
    user?: { id: string; name: string };
    coalitions?: Array<{ id: string }>;
  }>(base, 'GET', 'me', accessToken);
  const coalitionId = me.coalitions?.[0]?.id;
  if (!coalitionId) throw new Error(`${email} has no coalition (GET /me)`);
  return {
    email,
    userId: me.user?.id ?? me.id ?? '',
    name: me.user?.name ?? me.name ?? email,
    token: accessToken,
    coalitionId,
  };
}

export async function createDocs(base: string, session: Session, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const doc = await rest<{ id: string }>(
      base,
      'POST',
      `coalitions/${session.coalitionId}/documents`,
      session.token,
      { title: `chaos ${i + 1}`, kind: 'note' },
    );
    if (!doc.id) throw new Error('document creation returned no id');
    ids.push(doc.id);
  }
  return ids;
}
