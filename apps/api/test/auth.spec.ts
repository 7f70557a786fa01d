import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, ErrorBody, SessionDto } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { PASSWORD, signUpOrg } from './support/fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.close();
});

describe('accounts and sessions', () => {
  it('registers, then logs in, and GET /me describes the user and organization', async () => {
    const alice = await signUpOrg(t, 'alice');
    expect(alice.me.orgRole).toBe('admin');
    expect(alice.me.coalitions).toEqual([]);
    const again = t.client();
    const login = await again.login(alice.email, PASSWORD);
    expect(login.status).toBe(200);
    expect((login.body as AuthTokens).expiresIn).toBeGreaterThan(0);
    expect(again.refreshCookie).toBeTruthy();
    const me = await again.me();
    expect(me.id).toBe(alice.me.id);
    const hash = await t.db.query('SELECT password_hash FROM users WHERE id = $1', [me.id]);
    expect(hash[0].password_hash).toMatch(/^\$argon2id\$/);
  });

  it('rotates the refresh token and revokes the family when an old one is reused', async () => {
    const bob = await signUpOrg(t, 'bob');
    const first = bob.client.refreshCookie!;
    const refreshed = await bob.client.refresh();
    expect(refreshed.status).toBe(200);
    const second = bob.client.refreshCookie!;
    expect(second).not.toBe(first);

    // Within the grace window a lost response can be retried; after it, reuse ends the session.
    const retry = t.client();
    retry.refreshCookie = first;
    expect((await retry.refresh()).status).toBe(200);
    await t.db.query(
      "UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL AND session_id IN (SELECT id FROM sessions WHERE user_id = $1)",
      [bob.me.id],
    );
    const thief = t.client();
    thief.refreshCookie = first;
    const reuse = await thief.refresh();
    expect(reuse.status).toBe(401);
    expect((reuse.body as ErrorBody).error.code).toBe('REFRESH_TOKEN_REUSED');

    const legit = await bob.client.refresh();
    expect(legit.status).toBe(401);
    const meAfter = await bob.client.get('/me');
    expect(meAfter.status).toBe(401);
    expect((meAfter.body as ErrorBody).error.code).toBe('SESSION_REVOKED');

    const audit = await t.db.query(
      "SELECT action FROM audit_log WHERE actor_user_id = $1 AND action = 'auth.refresh-reuse'",
      [bob.me.id],
    );
    expect(audit).toHaveLength(1);
  });

  it('lists sessions, ends one, and logs out', async () => {
    const carol = await signUpOrg(t, 'carol');
    const laptop = t.client();
    await laptop.login(carol.email, PASSWORD);
    const list = await carol.client.get<SessionDto[]>('/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(2);
    const other = list.body.find((s) => !s.current)!;
    expect((await carol.client.delete(`/auth/sessions/${other.id}`)).status).toBe(204);
    expect((await laptop.get('/me')).status).toBe(401);
    expect((await carol.client.get('/me')).status).toBe(200);
    expect((await carol.client.post('/auth/logout')).status).toBe(204);
    expect((await carol.client.get('/me')).status).toBe(401);
    expect((await carol.client.refresh()).status).toBe(401);
  });

  it('refuses a wrong password with 401 and a duplicate email with 409', async () => {
    const dave = await signUpOrg(t, 'dave');
    const wrong = await t.client().login(dave.email, 'not-the-password-at-all');
    expect(wrong.status).toBe(401);
    expect((wrong.body as ErrorBody).error.code).toBe('INVALID_CREDENTIALS');
    const dup = await t.client().post<ErrorBody>('/auth/register', {
      email: dave.email.toUpperCase(),
      name: 'Dup',
      password: PASSWORD,
      organization: { name: 'Another org', country: 'US' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('CONFLICT');
  });

  it('answers bad input with 400 and field details, and unknown fields are rejected', async () => {
    const res = await t.client().post<ErrorBody>('/auth/register', {
      email: 'not-an-email',
      name: '',
      password: 'short',
      organization: { name: 'X', country: 'USA' },
      admin: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    const paths = res.body.error.fields!.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'email',
        'name',
        'admin',
        'organization.country',
        'organization.name',
      ]),
    );
    const users = await t.db.query('SELECT count(*)::int AS n FROM users');
    const orgs = await t.db.query("SELECT count(*)::int AS n FROM organizations WHERE name = 'X'");
    expect(orgs[0].n).toBe(0);
    expect(users[0].n).toBeGreaterThan(0);
  });

  it('answers a password that breaks the rules with a clear message on the password field', async () => {
    const res = await t.client().post<ErrorBody>('/auth/register', {
      email: 'pw@example.org',
      name: 'Pw',
      password: 'password12345',
      organization: { name: 'Pw org', country: 'US' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'password' })]),
    );
  });

  it('rejects malformed JSON with 400 and oversized bodies with 413', async () => {
    const bad = await t.client().request<ErrorBody>('POST', '/auth/login', '{"email":', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    const huge = await t
      .client()
      .post<ErrorBody>('/auth/login', { email: 'a@b.org', password: 'x'.repeat(2 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rate-limits login per account with a 429 and Retry-After', async () => {
    const erin = await signUpOrg(t, 'erin');
    const attacker = t.client();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await attacker.login(erin.email, `wrong-password-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await attacker.login(erin.email, PASSWORD);
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('401 without a token, with a garbage token, and on /me after the user is disabled', async () => {
    expect((await t.client().get('/me')).status).toBe(401);
    const c = t.client();
    c.token = 'garbage.token.value';
    const res = await c.get<ErrorBody>('/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('UNAUTHENTICATED');
  });
});
