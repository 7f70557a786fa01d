import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { ErrorBody } from '@coalesce/protocol';
import type { HealthReport } from '../src/core/health/health.controller.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

let t: TestApp;
let user: Actor;

beforeAll(async () => {
  t = await startTestApp();
  user = await signUpOrg(t, 'platform');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('health and API documentation', () => {
  it('GET /api/health checks the database with a real query', async () => {
    const res = await t.client().get<HealthReport>('/api/health');
    const health = expectStatus(res, 200);
    expect(health.status).toBe('ok');
    expect(health.database).toMatchObject({
      status: 'up',
      kind: process.env.DATABASE_URL ? 'postgres' : 'embedded',
    });
    expect(typeof health.database.latencyMs).toBe('number');
  });

  it('serves the OpenAPI UI and a JSON document listing every route', async () => {
    const ui = await fetch(`${t.baseUrl}/api/docs`);
    expect(ui.status).toBe(200);
    expect(ui.headers.get('content-type')).toMatch(/text\/html/);
    expect(await ui.text()).toMatch(/swagger/i);

    const doc = await t.client().get<{
      openapi: string;
      info: { title: string };
      paths: Record<string, Record<string, unknown>>;
    }>('/api/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toBe('Coalesce API');
    const paths = Object.keys(doc.body.paths);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/auth/login',
        '/api/v1/auth/register',
        '/api/v1/me',
        '/api/v1/coalitions/{id}',
        '/api/health',
      ]),
    );
    expect(doc.body.paths['/api/v1/auth/login']).toHaveProperty('post');
  });
});

describe('errors', () => {
  it('answers an unknown route with a 404 JSON error body', async () => {
    for (const path of ['/api/v1/no-such-thing', '/api/nothing-here', '/api/v2/me']) {
      const res = await user.client.get<ErrorBody>(path);
      expectError(res, 404, 'NOT_FOUND');
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      expect(typeof res.body.error.message).toBe('string');
    }
    expectError(await user.client.request('PUT', '/me', { name: 'x' }), 404, 'NOT_FOUND');
  });

  it('echoes X-Request-Id, or makes one up, and puts it in error bodies', async () => {
    const res = await t
      .client()
      .request<ErrorBody>('GET', '/me', undefined, { 'x-request-id': 'trace-abc-123' });
    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(res.body.error.requestId).toBe('trace-abc-123');

    const fresh = await t.client().get<ErrorBody>('/me');
    const id = fresh.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(fresh.body.error.requestId).toBe(id);

    // A header that could inject into logs is replaced.
    const evil = await t
      .client()
      .request('GET', '/api/health', undefined, { 'x-request-id': 'a b\tc<script>' });
    expect(evil.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers invalid bodies with 400 and the offending fields', async () => {
    const res = await user.client.post<ErrorBody>('/coalitions', {
      name: 'x',
      slug: 'Not A Slug',
      extra: 1,
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.error.fields!.map((f) => f.path).sort()).toEqual(['extra', 'name', 'slug']);
    expect(body.error.fields!.every((f) => f.message.length > 0)).toBe(true);
  });

  it('answers invalid query strings with 400 and the offending parameters', async () => {
    const res = await user.client.get<ErrorBody>('/organizations?limit=abc');
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.fields).toEqual([
      expect.objectContaining({ path: 'limit' }),
    ]);
    const tooMany = await user.client.get<ErrorBody>('/organizations?limit=1000');
    expect(expectError(tooMany, 400, 'VALIDATION_FAILED').error.fields?.[0]?.path).toBe('limit');
    const unknown = await user.client.get<ErrorBody>('/organizations?sort=name');
    expect(expectError(unknown, 400, 'VALIDATION_FAILED').error.fields?.[0]?.path).toBe('sort');
  });

  it('answers invalid path parameters with 400 and the offending parameter', async () => {
    const res = await user.client.get<ErrorBody>('/coalitions/not-a-uuid');
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.fields).toEqual([
      expect.objectContaining({ path: 'id' }),
    ]);
    const nested = await user.client.delete<ErrorBody>(
      '/coalitions/3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b/working-groups/123',
    );
    // The coalition is checked first: not a member, so 404 before the bad group id matters.
    expectError(nested, 404, 'NOT_FOUND');
    const session = await user.client.delete<ErrorBody>('/auth/sessions/123');
    expect(expectError(session, 400, 'VALIDATION_FAILED').error.fields?.[0]?.path).toBe('id');
  });

  it('leaves no partial rows when a request fails half-way', async () => {
    const count = async (sql: string, params: unknown[] = []) =>
      ((await t.db.query(sql, params)) as Array<{ n: number }>)[0].n;
    const usersBefore = await count('SELECT count(*)::int AS n FROM users');
    const auditBefore = await count('SELECT count(*)::int AS n FROM audit_log');
    const email = `half-way-${Date.now()}@example.org`;
    // The slug check comes after the email check and before the user insert, inside one
    // transaction: nothing of this sign-up may remain.
    const res = await t.client().post<ErrorBody>('/auth/register', {
      email,
      name: 'Half way',
      password: PASSWORD,
      organization: { name: 'Another name', slug: user.me.organization.slug, country: 'US' },
    });
    expectError(res, 409, 'CONFLICT');
    expect(await count('SELECT count(*)::int AS n FROM users')).toBe(usersBefore);
    expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(0);
    expect(
      await count("SELECT count(*)::int AS n FROM organizations WHERE name = 'Another name'"),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM audit_log')).toBe(auditBefore);
    expect((await t.client().login(email, PASSWORD)).status).toBe(401);

    // The same request with a free slug succeeds (so the failure above was the slug).
    const ok = await t.client().post('/auth/register', {
      email,
      name: 'Half way',
      password: PASSWORD,
      organization: { name: 'Another name', country: 'US' },
    });
    expect(ok.status).toBe(201);
  });

  it('rolls back a sign-up whose last insert fails after the organization was written', async () => {
    // Make the database itself refuse the user row, after the organization row went in.
    await t.db.query(`
      CREATE FUNCTION test_refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'refused by test'; END $$`);
    await t.db.query(`
      CREATE TRIGGER test_refuse_user BEFORE INSERT ON users FOR EACH ROW
      WHEN (NEW.email LIKE 'refused-%') EXECUTE FUNCTION test_refuse_user()`);
    // TypeORM prints the failed query to the console; keep the test output clean.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const orgName = `Rolled back ${Date.now()}`;
      const res = await t.client().post<ErrorBody>('/auth/register', {
        email: `refused-${Date.now()}@example.org`,
        name: 'Refused',
        password: PASSWORD,
        organization: { name: orgName, country: 'US' },
      });
      expectError(res, 500, 'INTERNAL');
      expect(res.body.error.message).not.toMatch(/refused by test/);
      const orgs = await t.db.query('SELECT 1 FROM organizations WHERE name = $1', [orgName]);
      expect(orgs).toEqual([]);
    } finally {
      quiet.mockRestore();
      await t.db.query('DROP TRIGGER test_refuse_user ON users');
      await t.db.query('DROP FUNCTION test_refuse_user()');
    }
  });

  it('sets security headers', async () => {
    const res = await t.client().get('/api/health');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
