import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AuthTokens,
  ErrorBody,
  InviteDto,
  InvitePreviewDto,
  OrganizationDto,
  OrgMemberDto,
} from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { addColleague, PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

let t: TestApp;
let n = 0;
const DAY = 86_400_000;

function register(inviteToken: string, email = `joiner-${++n}-${Date.now()}@example.org`) {
  return t.client().post<AuthTokens | ErrorBody>('/auth/register', {
    email,
    name: `Joiner ${n}`,
    password: PASSWORD,
    inviteToken,
  });
}

async function createInvite(admin: Actor, body: Record<string, unknown> = {}) {
  return expectStatus(
    await admin.client.post<InviteDto & { token: string }>('/organizations/current/invites', body),
    201,
  );
}

async function memberList(actor: Actor): Promise<OrgMemberDto[]> {
  return expectStatus(
    await actor.client.get<OrgMemberDto[]>('/organizations/current/members'),
    200,
  );
}

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('organization profile', () => {
  it('is readable by members and editable by admins only', async () => {
    const admin = await signUpOrg(t, 'profile');
    const member = await addColleague(t, admin);
    const current = expectStatus(
      await member.client.get<OrganizationDto>('/organizations/current'),
      200,
    );
    expect(current).toMatchObject({
      id: admin.me.organization.id,
      country: 'US',
      focusAreas: ['policy-advocacy'],
    });

    const updated = expectStatus(
      await admin.client.patch<OrganizationDto>('/organizations/current', {
        description: 'Shelter and legal aid',
        website: 'https://example.org',
      }),
      200,
    );
    // Fields left out of the PATCH keep their values.
    expect(updated).toMatchObject({
      description: 'Shelter and legal aid',
      website: 'https://example.org',
      focusAreas: ['policy-advocacy'],
      country: 'US',
      name: current.name,
      slug: current.slug,
    });
    const stored = expectStatus(
      await member.client.get<OrganizationDto>('/organizations/current'),
      200,
    );
    expect(stored).toEqual(updated);

    expectError(
      await member.client.patch('/organizations/current', { description: 'Hijacked' }),
      403,
      'FORBIDDEN',
    );
    const after = expectStatus(
      await admin.client.get<OrganizationDto>('/organizations/current'),
      200,
    );
    expect(after.description).toBe('Shelter and legal aid');

    const bad = await admin.client.patch<ErrorBody>('/organizations/current', {
      country: 'USA',
      website: 'ftp://example.org',
    });
    expect(
      expectError(bad, 400, 'VALIDATION_FAILED')
        .error.fields!.map((f) => f.path)
        .sort(),
    ).toEqual(['country', 'website']);
  });

  it('refuses a slug that another organization has with 409', async () => {
    const first = await signUpOrg(t, 'slugs');
    const second = await signUpOrg(t, 'slugs');
    const res = await second.client.patch('/organizations/current', {
      slug: first.me.organization.slug,
    });
    expect(expectError(res, 409, 'CONFLICT').error.fields?.[0]?.path).toBe('slug');
    const unchanged = expectStatus(
      await second.client.get<OrganizationDto>('/organizations/current'),
      200,
    );
    expect(unchanged.slug).toBe(second.me.organization.slug);

    // Keeping one's own slug, or choosing a free one, is fine.
    expectStatus(
      await second.client.patch('/organizations/current', { slug: second.me.organization.slug }),
      200,
    );
    const renamed = expectStatus(
      await second.client.patch<OrganizationDto>('/organizations/current', {
        slug: `free-slug-${Date.now()}`,
      }),
      200,
    );
    expect(renamed.slug).toMatch(/^free-slug-/);
  });

  it('shows the public profile of another organization, and 404 for an unknown id', async () => {
    const mine = await signUpOrg(t, 'viewer');
    const other = await signUpOrg(t, 'viewed');
    const seen = expectStatus(
      await mine.client.get<OrganizationDto>(`/organizations/${other.me.organization.id}`),
      200,
    );
    expect(seen.id).toBe(other.me.organization.id);
    expect(Object.keys(seen).sort()).toEqual(
      ['country', 'createdAt', 'description', 'focusAreas', 'id', 'name', 'slug', 'website'].sort(),
    );
    expectError(
      await mine.client.get('/organizations/5f0c3b8e-6a2d-4c1e-9b7a-5d4f3e2a1c0b'),
      404,
      'NOT_FOUND',
    );
  });
});

describe('organization invitations', () => {
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    admin = await signUpOrg(t, 'inviter');
    member = await addColleague(t, admin);
  });

  it('creates links with an expiry, shows a preview, and joins with the invited role', async () => {
    const invite = await createInvite(admin, { role: 'admin' });
    expect(invite.token.length).toBeGreaterThanOrEqual(40);
    const expiresIn = new Date(invite.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * DAY - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * DAY);
    const short = await createInvite(admin, { ttlDays: 1 });
    expect(new Date(short.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(DAY);

    const preview = await t
      .client()
      .get<InvitePreviewDto>(`/invites/organization?token=${encodeURIComponent(invite.token)}`);
    expect(expectStatus(preview, 200)).toMatchObject({
      kind: 'organization',
      name: admin.me.organization.name,
      role: 'admin',
    });

    const joined = await register(invite.token);
    expect(joined.status).toBe(201);
    const newcomer = t.client();
    newcomer.token = (joined.body as AuthTokens).accessToken;
    const me = await newcomer.me();
    expect(me).toMatchObject({ orgRole: 'admin', organization: { id: admin.me.organization.id } });

    const listed = expectStatus(
      await admin.client.get<InviteDto[]>('/organizations/current/invites'),
      200,
    );
    const used = listed.find((i) => i.id === invite.id)!;
    expect(used.acceptedAt).not.toBeNull();
    expect(listed.every((i) => i.token === undefined)).toBe(true);
  });

  it('is for admins only', async () => {
    expectError(await member.client.post('/organizations/current/invites', {}), 403, 'FORBIDDEN');
    expectError(await member.client.get('/organizations/current/invites'), 403, 'FORBIDDEN');
    const invite = await createInvite(admin);
    expectError(
      await member.client.delete(`/organizations/current/invites/${invite.id}`),
      403,
      'FORBIDDEN',
    );
  });

  it('refuses a used invitation with 409 INVITE_USED', async () => {
    const invite = await createInvite(admin);
    expect((await register(invite.token)).status).toBe(201);
    const users = await t.db.query('SELECT count(*)::int AS n FROM users');
    expectError(await register(invite.token), 409, 'INVITE_USED');
    expectError(
      await t.client().get(`/invites/organization?token=${invite.token}`),
      409,
      'INVITE_USED',
    );
    expect(await t.db.query('SELECT count(*)::int AS n FROM users')).toEqual(users);
  });

  it('refuses an expired invitation with 410 INVITE_EXPIRED', async () => {
    const invite = await createInvite(admin);
    await t.db.query(
      "UPDATE org_invites SET expires_at = now() - interval '1 second' WHERE id = $1",
      [invite.id],
    );
    const email = `late-${Date.now()}@example.org`;
    expectError(await register(invite.token, email), 410, 'INVITE_EXPIRED');
    expectError(
      await t.client().get(`/invites/organization?token=${invite.token}`),
      410,
      'INVITE_EXPIRED',
    );
    expect(await t.db.query('SELECT 1 FROM users WHERE email = $1', [email])).toEqual([]);
  });

  it('binds an invitation to an email address when it names one', async () => {
    const email = `named-${Date.now()}@example.org`;
    const invite = await createInvite(admin, { email: email.toUpperCase() });
    expect(invite.email).toBe(email);
    const wrong = await register(invite.token, `someone-else-${Date.now()}@example.org`);
    expect(expectError(wrong, 400, 'VALIDATION_FAILED').error.fields).toEqual([
      expect.objectContaining({ path: 'email' }),
    ]);
    // The refused attempt did not use the invitation up.
    const right = await register(invite.token, email);
    expect(right.status).toBe(201);
    const rows: Array<{ accepted_by_user_id: string }> = await t.db.query(
      'SELECT i.accepted_by_user_id FROM org_invites i JOIN users u ON u.id = i.accepted_by_user_id WHERE i.id = $1 AND u.email = $2',
      [invite.id, email],
    );
    expect(rows).toHaveLength(1);
  });

  it('revokes a pending invitation (404 afterwards); other organizations cannot revoke it', async () => {
    const invite = await createInvite(admin);
    const stranger = await signUpOrg(t, 'stranger');
    expectError(
      await stranger.client.delete(`/organizations/current/invites/${invite.id}`),
      404,
      'NOT_FOUND',
    );
    expectStatus(await admin.client.delete(`/organizations/current/invites/${invite.id}`), 204);
    expectError(await register(invite.token), 404, 'NOT_FOUND');
    expectError(
      await t.client().get(`/invites/organization?token=${invite.token}`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await admin.client.delete(`/organizations/current/invites/${invite.id}`),
      404,
      'NOT_FOUND',
    );
  });
});

describe('organization members', () => {
  it('changes roles and keeps at least one active admin', async () => {
    const admin = await signUpOrg(t, 'roles');
    const member = await addColleague(t, admin);
    const path = (user: Actor) => `/organizations/current/members/${user.me.id}`;

    expectError(await admin.client.patch(path(admin), { role: 'member' }), 409, 'LAST_ADMIN');
    expectError(await member.client.patch(path(member), { role: 'admin' }), 403, 'FORBIDDEN');

    const promoted = expectStatus(
      await admin.client.patch<OrgMemberDto>(path(member), { role: 'admin' }),
      200,
    );
    expect(promoted).toMatchObject({ id: member.me.id, orgRole: 'admin' });
    // The new role applies at once, without signing in again.
    expectStatus(await member.client.get('/organizations/current/invites'), 200);

    expectStatus(await admin.client.patch(path(admin), { role: 'member' }), 200);
    expectError(await admin.client.get('/organizations/current/invites'), 403, 'FORBIDDEN');
    expectError(await member.client.patch(path(member), { role: 'member' }), 409, 'LAST_ADMIN');
    const roles = Object.fromEntries((await memberList(admin)).map((m) => [m.id, m.orgRole]));
    expect(roles).toEqual({ [admin.me.id]: 'member', [member.me.id]: 'admin' });
  });

  it('a disabled admin does not count as the active admin, and may be demoted', async () => {
    const admin = await signUpOrg(t, 'twoadmins');
    const other = await addColleague(t, admin, 'admin');
    const path = `/organizations/current/members/${other.me.id}`;
    expectStatus(await admin.client.post(`${path}/disable`), 200);
    // The only active admin cannot step down while the other admin is disabled...
    expectError(
      await admin.client.patch(`/organizations/current/members/${admin.me.id}`, {
        role: 'member',
      }),
      409,
      'LAST_ADMIN',
    );
    // ...but demoting the disabled admin leaves the active one in place, so it is allowed.
    const demoted = expectStatus(
      await admin.client.patch<OrgMemberDto>(path, { role: 'member' }),
      200,
    );
    expect(demoted).toMatchObject({ orgRole: 'member', disabled: true });
  });

  it('disabling a user ends their sessions at once; enabling lets them sign in again', async () => {
    const admin = await signUpOrg(t, 'disabler');
    const member = await addColleague(t, admin);
    const laptop = t.client();
    laptop.ip = '10.0.0.1';
    expect((await laptop.login(member.email, PASSWORD)).status).toBe(200);

    expectError(
      await member.client.post(`/organizations/current/members/${admin.me.id}/disable`),
      403,
      'FORBIDDEN',
    );
    expectError(
      await admin.client.post(`/organizations/current/members/${admin.me.id}/disable`),
      403,
      'FORBIDDEN',
    );

    const disabled = expectStatus(
      await admin.client.post<OrgMemberDto>(
        `/organizations/current/members/${member.me.id}/disable`,
      ),
      200,
    );
    expect(disabled).toMatchObject({ id: member.me.id, disabled: true });

    for (const device of [member.client, laptop]) {
      const me = await device.get<ErrorBody>('/me');
      expect([401, 403]).toContain(me.status);
      expect(['SESSION_REVOKED', 'ACCOUNT_DISABLED']).toContain(me.body.error.code);
      const refresh = await device.refresh();
      expect([401, 403]).toContain(refresh.status);
    }
    const active: Array<{ n: number }> = await t.db.query(
      'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND revoked_at IS NULL',
      [member.me.id],
    );
    expect(active[0].n).toBe(0);
    const relogin = t.client();
    relogin.ip = '10.0.0.2';
    expectError(await relogin.login(member.email, PASSWORD), 403, 'ACCOUNT_DISABLED');
    expect((await memberList(admin)).find((m) => m.id === member.me.id)?.disabled).toBe(true);

    const enabled = expectStatus(
      await admin.client.post<OrgMemberDto>(
        `/organizations/current/members/${member.me.id}/enable`,
      ),
      200,
    );
    expect(enabled.disabled).toBe(false);
    // Old sessions stay ended; a new sign-in works.
    expect((await member.client.get('/me')).status).toBe(401);
    expect((await relogin.login(member.email, PASSWORD)).status).toBe(200);
    expect((await relogin.me()).id).toBe(member.me.id);
  });

  it('answers 404 for users of another organization on every member route', async () => {
    const admin = await signUpOrg(t, 'home');
    const foreignAdmin = await signUpOrg(t, 'foreign');
    const foreign = await addColleague(t, foreignAdmin);
    const base = `/organizations/current/members/${foreign.me.id}`;
    expectError(await admin.client.patch(base, { role: 'admin' }), 404, 'NOT_FOUND');
    expectError(await admin.client.post(`${base}/disable`), 404, 'NOT_FOUND');
    expectError(await admin.client.post(`${base}/enable`), 404, 'NOT_FOUND');
    const rows: Array<{ org_role: string; disabled_at: Date | null }> = await t.db.query(
      'SELECT org_role, disabled_at FROM users WHERE id = $1',
      [foreign.me.id],
    );
    expect(rows[0]).toEqual({ org_role: 'member', disabled_at: null });
    expect((await foreign.client.get('/me')).status).toBe(200);
    expectError(
      await admin.client.patch('/organizations/current/members/not-a-uuid', { role: 'admin' }),
      400,
      'VALIDATION_FAILED',
    );

    // The member list shows only one's own organization.
    const list = await memberList(admin);
    expect(list.map((m) => m.id)).toEqual([admin.me.id]);
  });
});

describe('organization directory', () => {
  it('searches by name or slug, case-insensitively, with public fields only', async () => {
    const stamp = Date.now();
    const searcher = await signUpOrg(t, 'searcher');
    for (const name of [`Harbor Light ${stamp}`, `harbor watch ${stamp}`, `Inland ${stamp}`]) {
      const res = await t.client().post('/auth/register', {
        email: `dir-${name.replace(/\W/g, '')}@example.org`,
        name: 'Directory person',
        password: PASSWORD,
        organization: { name, country: 'GB' },
      });
      expect(res.status).toBe(201);
    }
    const found = expectStatus(
      await searcher.client.get<OrganizationDto[]>(`/organizations?search=HARBOR%20`),
      200,
    );
    const names = found.map((o) => o.name).filter((x) => x.endsWith(String(stamp)));
    expect(names).toEqual([`Harbor Light ${stamp}`, `harbor watch ${stamp}`]);
    expect(JSON.stringify(found)).not.toMatch(/@example\.org/);

    const bySlug = expectStatus(
      await searcher.client.get<OrganizationDto[]>(`/organizations?search=inland-${stamp}`),
      200,
    );
    expect(bySlug.map((o) => o.name)).toEqual([`Inland ${stamp}`]);

    const limited = expectStatus(
      await searcher.client.get<OrganizationDto[]>('/organizations?limit=2'),
      200,
    );
    expect(limited).toHaveLength(2);

    // LIKE wildcards are taken literally.
    const wildcard = expectStatus(
      await searcher.client.get<OrganizationDto[]>('/organizations?search=%25'),
      200,
    );
    expect(wildcard).toEqual([]);
    const underscore = expectStatus(
      await searcher.client.get<OrganizationDto[]>('/organizations?search=_'),
      200,
    );
    expect(underscore).toEqual([]);

    expect((await t.client().get('/organizations')).status).toBe(401);
  });
});
