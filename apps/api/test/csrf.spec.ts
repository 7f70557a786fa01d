import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import type { ApiClient } from './support/api-client.js';
import { expectError, expectStatus } from './support/expect.js';

/**
 * CSRF defence of the cookie-authenticated requests: the refresh cookie is sent by the browser on
 * its own, so /auth/refresh, /auth/logout and any unsafe request carrying the cookie must show
 * the X-Coalesce-CSRF header and come from the app's own origin or a listed one.
 */
const LISTED = 'http://localhost:5173';
const EVIL = 'https://evil.example';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp({ CORS_ORIGINS: LISTED });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

/** A signed-in browser-like client: access token and refresh cookie, no CSRF header by default. */
async function signedIn(label: string): Promise<Actor> {
  const actor = await signUpOrg(t, label);
  actor.client.csrfHeader = false;
  expect(actor.client.refreshCookie).toBeTruthy();
  return actor;
}

/** POST /auth/refresh with exactly these extra headers (the CSRF header only when asked). */
function refresh(client: ApiClient, headers: Record<string, string>) {
  return client.request<ErrorBody>('POST', '/auth/refresh', undefined, headers);
}

const CSRF = { 'x-coalesce-csrf': '1' };

describe('CSRF on cookie-authenticated routes', () => {
  it('refuses /auth/refresh without the header, or from another site, and changes nothing', async () => {
    const { client } = await signedIn('refresh');
    const cookie = client.refreshCookie;
    const refused: Array<[string, Record<string, string>]> = [
      ['no header', {}],
      ['wrong value', { 'x-coalesce-csrf': 'yes' }],
      ['header, another site', { ...CSRF, origin: EVIL }],
      ['header, origin "null"', { ...CSRF, origin: 'null' }],
      ['header, cross-site fetch', { ...CSRF, 'sec-fetch-site': 'cross-site' }],
      ['header, same-site fetch', { ...CSRF, 'sec-fetch-site': 'same-site' }],
      ['no header, own origin', { origin: t.baseUrl }],
    ];
    for (const [label, headers] of refused) {
      const before = await settledFingerprint(t);
      const res = await refresh(client, headers);
      expect({ label, status: res.status, code: res.body?.error?.code }).toEqual({
        label,
        status: 403,
        code: 'CSRF_REJECTED',
      });
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(await settledFingerprint(t)).toEqual(before);
      expect(client.refreshCookie).toBe(cookie);
    }
  });

  it('accepts /auth/refresh with the header from the own origin, a listed origin, or a non-browser client', async () => {
    const { client } = await signedIn('refresh-ok');
    const accepted: Array<[string, Record<string, string>]> = [
      ['no origin (script)', CSRF],
      ['own origin', { ...CSRF, origin: t.baseUrl, 'sec-fetch-site': 'same-origin' }],
      ['listed origin', { ...CSRF, origin: LISTED, 'sec-fetch-site': 'same-site' }],
      ['same-origin fetch without Origin', { ...CSRF, 'sec-fetch-site': 'same-origin' }],
    ];
    for (const [label, headers] of accepted) {
      const before = client.refreshCookie;
      const res = await refresh(client, headers);
      expect({ label, status: res.status }).toEqual({ label, status: 200 });
      expect(client.refreshCookie).not.toBe(before);
    }
  });

  it('refuses /auth/logout without the header (the session stays), and logs out with it', async () => {
    const { client } = await signedIn('logout');
    expectError(await client.post('/auth/logout'), 403, 'CSRF_REJECTED');
    expectError(
      await client.request('POST', '/auth/logout', {}, { ...CSRF, origin: EVIL }),
      403,
      'CSRF_REJECTED',
    );
    // Even a bearer-only call without the cookie: the route is cookie-authenticated by nature.
    const bearerOnly = t.client();
    bearerOnly.csrfHeader = false;
    bearerOnly.token = client.token;
    expectError(await bearerOnly.post('/auth/logout'), 403, 'CSRF_REJECTED');
    expectError(await bearerOnly.post('/api/v1/Auth/Logout/'), 403, 'CSRF_REJECTED');
    expectStatus(await client.get('/me'), 200);
    expectStatus(await refresh(client, CSRF), 200);

    const cookie = client.refreshCookie;
    expectStatus(await client.request('POST', '/auth/logout', {}, CSRF), 204);
    expect(client.refreshCookie).toBeNull();
    client.refreshCookie = cookie;
    expect((await refresh(client, CSRF)).status).toBe(401);
  });

  it('checks any other unsafe request that carries the refresh cookie, and no bearer-only request', async () => {
    const actor = await signedIn('other');
    const { client } = actor;
    const change = { currentPassword: PASSWORD, newPassword: 'another-long-passphrase-42' };
    expectError(await client.post('/auth/password', change), 403, 'CSRF_REJECTED');
    expectError(
      await client.request('PATCH', '/me', { name: 'Renamed' }, { origin: EVIL }),
      403,
      'CSRF_REJECTED',
    );
    // Reads are not checked (they change nothing); a bearer-only client is not exposed to CSRF.
    expectStatus(await client.get('/auth/sessions'), 200);
    const script = t.client();
    script.csrfHeader = false;
    script.token = client.token;
    expectStatus(await script.request('PATCH', '/me', { name: 'Renamed by a script' }), 200);
    expect((await client.me()).name).toBe('Renamed by a script');
  });
});
