import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';
import { REPO_ROOT, freePort } from './support/api-server.js';

/**
 * The built server refuses to start in production with a missing, default or placeholder secret,
 * says which setting and how to fix it, and never listens.
 */
async function boot(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
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
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  return { code, output };
}

describe('production boot', () => {
  it('stops with a clear message when JWT_SECRET is not set', async () => {
    const { code, output } = await boot({});
    expect(code).toBe(1);
    expect(output).toContain('Invalid configuration:');
    expect(output).toMatch(/JWT_SECRET: required in production and not set/);
    expect(output).toContain('openssl rand');
    expect(output).not.toContain('Coalesce is running');
  });

  it('stops when JWT_SECRET is the public default or a placeholder, without printing it', async () => {
    for (const [secret, problem] of [
      ['coalesce-development-secret-change-me', /the default is public/],
      ['please-change-me-before-going-to-production', /looks like a placeholder/],
    ] as const) {
      const { code, output } = await boot({ JWT_SECRET: secret });
      expect({ secret, code }).toEqual({ secret, code: 1 });
      expect(output).toMatch(problem);
      expect(output).not.toContain(secret);
    }
  });
});
