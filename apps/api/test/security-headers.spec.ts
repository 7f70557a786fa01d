import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { signUpOrg } from './support/fixtures.js';

/**
 * Security headers on every kind of response (the web app's pages, the API, its documentation),
 * in development and in production, and the refresh cookie's attributes in production.
 */
const PRODUCTION_SECRET = 'a-production-secret-for-the-header-test-0123456789';

let dev: TestApp;
let prod: TestApp;
let webDist: string;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'coalesce-web-'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>Coalesce</title>');
  dev = await startTestApp({ WEB_DIST_DIR: webDist });
  prod = await startTestApp({
    NODE_ENV: 'production',
    JWT_SECRET: PRODUCTION_SECRET,
    MFA_ENCRYPTION_KEY: `mfa-${PRODUCTION_SECRET}`,
    WEB_DIST_DIR: webDist,
  });
}, 120_000);
afterAll(async () => {
  await dev?.close();
  await prod?.close();
  rmSync(webDist, { recursive: true, force: true });
});

/** The CSP header as a map of directive -> sources. */
function csp(res: Response): Map<string, string[]> {
  const header = res.headers.get('content-security-policy');
  expect(header).toBeTruthy();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

const PATHS = ['/', '/documents/some-page', '/api/health', '/api/v1/me', '/api/docs'];

describe('security headers', () => {
  it('sends a strict Content-Security-Policy on every kind of response', async () => {
    for (const path of PATHS) {
      const res = await fetch(`${dev.baseUrl}${path}`);
      const policy = csp(res);
      const host = new URL(dev.baseUrl).host;
      expect({ path, policy: Object.fromEntries(policy) }).toEqual({
        path,
        policy: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'script-src-attr': ["'none'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'font-src': ["'self'", 'data:'],
          'connect-src': ["'self'", `ws://${host}`, `wss://${host}`],
          'worker-src': ["'self'", 'blob:'],
          'manifest-src': ["'self'"],
          'media-src': ["'self'"],
          'object-src': ["'none'"],
          'frame-src': ["'none'"],
          'frame-ancestors': ["'none'"],
          'base-uri': ["'self'"],
          'form-action': ["'self'"],
        },
      });
      const all = [...policy.values()].flat();
      expect(all).not.toContain("'unsafe-eval'");
      expect(all).not.toContain('*');
      expect(all).not.toContain('ws:');
      expect(all).not.toContain('wss:');
    }
  });

  it('puts no unexpected Host into connect-src', async () => {
    // A Host header that is not host[:port] never reaches the policy.
    const { request } = await import('node:http');
    const url = new URL(dev.baseUrl);
    const header = await new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: '/api/health',
          headers: { host: "x; script-src 'unsafe-inline'" },
        },
        (res) => {
          res.resume();
          resolve(String(res.headers['content-security-policy']));
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(header).toMatch(/connect-src 'self'\s*;/);
    expect(header).not.toContain('x;');
    expect(header.match(/script-src /g)).toHaveLength(1);
  });

  it('sends the other protective headers, and no HSTS outside production', async () => {
    for (const path of PATHS) {
      const res = await fetch(`${dev.baseUrl}${path}`);
      const h = (name: string) => res.headers.get(name);
      expect({
        path,
        referrer: h('referrer-policy'),
        frame: h('x-frame-options'),
        sniff: h('x-content-type-options'),
        opener: h('cross-origin-opener-policy'),
        resource: h('cross-origin-resource-policy'),
        hsts: h('strict-transport-security'),
        poweredBy: h('x-powered-by'),
      }).toEqual({
        path,
        referrer: 'no-referrer',
        frame: 'DENY',
        sniff: 'nosniff',
        opener: 'same-origin',
        resource: 'same-origin',
        hsts: null,
        poweredBy: null,
      });
      const permissions = h('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
        expect(permissions).toContain(`${feature}=()`);
      expect(csp(res).has('upgrade-insecure-requests')).toBe(false);
    }
  });

  it('adds HSTS and upgrade-insecure-requests in production', async () => {
    for (const path of PATHS) {
      const res = await fetch(`${prod.baseUrl}${path}`);
      expect({ path, hsts: res.headers.get('strict-transport-security') }).toEqual({
        path,
        hsts: 'max-age=31536000; includeSubDomains',
      });
      const policy = csp(res);
      expect(policy.get('upgrade-insecure-requests')).toEqual([]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
    }
  });
});

describe('refresh cookie', () => {
  function refreshCookieOf(res: { headers: Headers }): string[] {
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('coalesce_refresh='));
    expect(cookie).toBeTruthy();
    return cookie!.split(';').map((part) => part.trim().toLowerCase());
  }

  it('is httpOnly, SameSite=Strict, Secure and scoped to the auth routes in production', async () => {
    const actor = await signUpOrg(prod, 'cookie');
    const res = await prod.client().post('/auth/login', {
      email: actor.email,
      password: 'correct-horse-battery-staple',
    });
    expect(res.status).toBe(200);
    const attributes = refreshCookieOf(res);
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth']),
    );
    expect(attributes.find((a) => a.startsWith('max-age='))).toBe(`max-age=${30 * 86_400}`);
    expect(attributes.some((a) => a.startsWith('domain='))).toBe(false);

    // Clearing it on logout keeps the same attributes.
    const client = prod.client();
    client.token = (res.body as { accessToken: string }).accessToken;
    const logout = await client.post('/auth/logout');
    expect(logout.status).toBe(204);
    expect(refreshCookieOf(logout)).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=strict', 'path=/api/v1/auth']),
    );
  });

  it('is not Secure outside production (http://localhost must work), otherwise the same', async () => {
    const actor = await signUpOrg(dev, 'cookie-dev');
    const res = await dev.client().post('/auth/login', {
      email: actor.email,
      password: 'correct-horse-battery-staple',
    });
    const attributes = refreshCookieOf(res);
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth']),
    );
    expect(attributes).not.toContain('secure');
  });
});
