/**
 * The deployment files users run (docker-compose.yml, deploy/nginx.conf, Dockerfile) checked
 * against the code: there is no Docker engine here, so these files are parsed and compared with the
 * settings, routes and workspaces they must match. The scale-out shape itself runs in
 * tests/e2e/src/scale-out.e2e.spec.ts (two built processes behind deploy/nginx.conf when NGINX_BIN
 * is set).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { CONFIG_SPEC } from '../src/core/config/app-config.js';
import { COLLAB_CONFIG_SPEC } from '../src/modules/collab/collab.config.js';
import { BILLS_CONFIG_SPEC } from '../src/modules/bills/bills.config.js';
import { TASKS_CONFIG_SPEC } from '../src/modules/tasks/tasks.config.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (path: string) => readFileSync(`${root}${path}`, 'utf8');

interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  stop_grace_period?: string;
  volumes?: string[];
  ports?: string[];
  init?: boolean;
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
const nginx = read('deploy/nginx.conf');
const KNOWN_SETTINGS = new Set([
  ...Object.keys(CONFIG_SPEC),
  ...Object.keys(COLLAB_CONFIG_SPEC),
  ...Object.keys(BILLS_CONFIG_SPEC),
  ...Object.keys(TASKS_CONFIG_SPEC),
]);

describe('docker-compose.yml', () => {
  it('runs one API by default, and two replicas behind the proxy with the scale profile', () => {
    const always = Object.entries(services)
      .filter(([, s]) => !s.profiles)
      .map(([name]) => name);
    expect(always.sort()).toEqual(['app', 'postgres', 'redis']);
    const scale = Object.entries(services)
      .filter(([, s]) => s.profiles?.includes('scale'))
      .map(([name]) => name);
    expect(scale.sort()).toEqual(['app-2', 'proxy']);
    expect(services.app.build).toBe('.');
    expect(services['app-2'].build).toBe('.');
  });

  it('gives both replicas the same database, Redis and secret, and only known settings', () => {
    const [one, two] = [services.app.environment!, services['app-2'].environment!];
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'METRICS_TOKEN', 'NODE_ENV'])
      expect({ key, value: two[key] }).toEqual({ key, value: one[key] });
    expect(String(one.REDIS_URL)).toMatch(/^redis:\/\/redis:6379$/);
    expect(String(one.DATABASE_URL)).toMatch(/@postgres:5432\//);
    // Only the first replica seeds the demo data.
    expect(two.SEED_DEMO).toBe('false');
    for (const key of Object.keys(one))
      expect({ key, known: KNOWN_SETTINGS.has(key) }).toEqual({
        key,
        known: true,
      });
    // Behind nginx on the compose network, the client address comes from X-Forwarded-For.
    expect(String(one.TRUST_PROXY)).toContain('uniquelocal');
  });

  it('starts the second replica after the first is ready, and the proxy after both', () => {
    expect(services['app-2'].depends_on).toEqual({ app: { condition: 'service_healthy' } });
    expect(services.proxy.depends_on).toEqual({
      app: { condition: 'service_healthy' },
      'app-2': { condition: 'service_healthy' },
    });
    for (const name of ['app', 'app-2']) {
      expect(services[name].healthcheck!.test.join(' ')).toContain('/api/health/ready');
      expect(services[name].init).toBe(true);
    }
  });

  it('waits longer for a graceful shutdown than the API allows itself', () => {
    for (const name of ['app', 'app-2']) {
      const grace = /^(\d+)s$/.exec(services[name].stop_grace_period ?? '');
      expect(grace).not.toBeNull();
      const timeoutMs = Number(services[name].environment!.SHUTDOWN_TIMEOUT_MS);
      expect(timeoutMs).toBeGreaterThan(0);
      expect(Number(grace![1]) * 1000).toBeGreaterThan(timeoutMs);
    }
  });

  it('mounts deploy/nginx.conf into the proxy', () => {
    expect(services.proxy.image).toMatch(/^nginx:/);
    expect(services.proxy.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(services.proxy.ports).toEqual(['8080:80']);
  });
});

describe('deploy/nginx.conf', () => {
  it('balances over both replicas', () => {
    const upstream = /upstream coalesce_api \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(upstream).toMatch(/server app:3000\b/);
    expect(upstream).toMatch(/server app-2:3000\b/);
    expect(nginx.match(/proxy_pass http:\/\/coalesce_api;/g)).toHaveLength(2);
  });

  it('upgrades Socket.IO websockets and keeps them open', () => {
    const block = /location \/socket\.io\/ \{([^}]*)\}/.exec(nginx)?.[1] ?? '';
    expect(block).toContain('proxy_http_version 1.1;');
    expect(block).toContain('proxy_set_header Upgrade $http_upgrade;');
    expect(block).toContain('proxy_set_header Connection $connection_upgrade;');
    expect(block).toMatch(/proxy_read_timeout (\d+h|\d{4,}s);/);
    expect(nginx).toMatch(/map \$http_upgrade \$connection_upgrade/);
  });

  it('passes the client address and a request id, and never serves /api/metrics', () => {
    expect(nginx.match(/X-Forwarded-For \$proxy_add_x_forwarded_for/g)).toHaveLength(2);
    expect(nginx.match(/X-Request-Id \$request_id/g)).toHaveLength(2);
    expect(/location = \/api\/metrics \{\s*return 404;\s*\}/.test(nginx)).toBe(true);
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('Dockerfile');

  it('copies the manifest of every workspace before npm ci', () => {
    const beforeInstall = dockerfile.slice(0, dockerfile.indexOf('RUN npm ci'));
    const workspaces = ['apps', 'libs'].flatMap((dir) =>
      readdirSync(`${root}${dir}`)
        .filter((name) => existsSync(`${root}${dir}/${name}/package.json`))
        .map((name) => `${dir}/${name}/package.json`),
    );
    expect(workspaces.length).toBeGreaterThan(4);
    for (const manifest of workspaces)
      expect({ manifest, copied: beforeInstall.includes(`COPY ${manifest} ${manifest}`) }).toEqual({
        manifest,
        copied: true,
      });
  });

  it('checks readiness in its health check', () => {
    expect(dockerfile).toMatch(/HEALTHCHECK .*\/api\/health\/ready/);
  });
});
