import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, freePort } from './support/api-server.js';

/**
 * The built server refuses to start in production with a missing, default or placeholder secret,
 * says which setting and how to fix it, and never listens.
 */
function spawnServer(port: number, env: Record<string, string>) {
  return spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_OPTIONS: '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: ':memory:',
      SEED_DEMO: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function boot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnServer(await freePort(), env);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('production boot', () => {
  it('stops with a clear message naming every secret that is not set', async () => {
    const { code, output } = await boot({});
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration:');
    expect(output).toMatch(/JWT_SECRET: required in production and not set/);
    expect(output).toMatch(/MFA_ENCRYPTION_KEY: required in production and not set/);
    expect(output).toContain('openssl rand');
    expect(output).not.toContain('Coalesce is running');
  });

  it('stops when JWT_SECRET is the public default or a placeholder, without printing it', async () => {
    for (const [secret, problem] of [
      ['coalesce-development-secret-change-me', /the default is public/],
      ['please-change-me-before-going-to-production', /looks like a placeholder/],
    ] as const) {
      const { code, output } = await boot({
        JWT_SECRET: secret,
        MFA_ENCRYPTION_KEY: 'a-real-looking-two-factor-key-8f3k2j9d0s7a6h5g',
      });
      expect({ secret, code }).toEqual({ secret, code: 1 });
      expect(output).toMatch(problem);
      expect(output).not.toContain(secret);
      expect(output).not.toContain('MFA_ENCRYPTION_KEY');
    }
  });

  it('starts with real secrets (the control), sending HSTS in production', async () => {
    const port = await freePort();
    const child = spawnServer(port, {
      JWT_SECRET: 'a-real-looking-access-token-secret-4b9x7q2m8z1c',
      MFA_ENCRYPTION_KEY: 'a-real-looking-two-factor-key-8f3k2j9d0s7a6h5g',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      let health: Response | null = null;
      for (let i = 0; i < 240 && !health; i++) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => null);
      }
      expect(health?.status).toBe(200);
      expect(health?.headers.get('strict-transport-security')).toBe(
        'max-age=31536000; includeSubDomains',
      );
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 90_000);
});
