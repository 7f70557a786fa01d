import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { AuditAction, AuditEntryDto, Page, SessionDto } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import {
  addColleague,
  createCoalition,
  joinCoalition,
  PASSWORD,
  signUpOrg,
} from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

let t: TestApp;

async function orgLog(actor: Actor, query = 'limit=200'): Promise<AuditEntryDto[]> {
  const res = await actor.client.get<Page<AuditEntryDto>>(`/organizations/current/audit?${query}`);
  return expectStatus(res, 200).items;
}

async function coalitionLog(
  actor: Actor,
  coalitionId: string,
  query = 'limit=200',
): Promise<Page<AuditEntryDto>> {
  const res = await actor.client.get<Page<AuditEntryDto>>(
    `/coalitions/${coalitionId}/audit?${query}`,
  );
  return expectStatus(res, 200);
}

/** The one entry with this action matching `where`; fails when there is none (or several). */
function entry(
  items: AuditEntryDto[],
  action: AuditAction,
  where: (e: AuditEntryDto) => boolean = () => true,
): AuditEntryDto {
  const matches = items.filter((e) => e.action === action && where(e));
  expect({ action, found: matches.length }).toEqual({ action, found: 1 });
  return matches[0];
}

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('audit log: sign-in and sessions', () => {
  it('records login, failed login, logout, a revoked session and refresh-token reuse', async () => {
    const admin = await signUpOrg(t, 'audited');
    const orgId = admin.me.organization.id;

    const phone = t.client();
    phone.ip = '192.0.2.10';
    expect((await phone.login(admin.email, PASSWORD)).status).toBe(200);
    const wrong = t.client();
    wrong.ip = '192.0.2.11';
    expect((await wrong.login(admin.email, 'not-my-password-at-all')).status).toBe(401);
    const unknownEmail = `nobody-${Date.now()}@example.org`;
    expect((await wrong.login(unknownEmail, 'not-my-password-at-all')).status).toBe(401);

    const laptop = t.client();
    laptop.ip = '192.0.2.12';
    await laptop.login(admin.email, PASSWORD);
    const sessions = expectStatus(await admin.client.get<SessionDto[]>('/auth/sessions'), 200);
    const laptopSession = sessions.find((s) => s.ip === '192.0.2.12')!;
    expect(laptopSession).toBeDefined();
    expectStatus(await admin.client.delete(`/auth/sessions/${laptopSession.id}`), 204);

    const phoneSession = sessions.find((s) => s.ip === '192.0.2.10')!;
    expectStatus(await phone.post('/auth/logout'), 204);

    const tablet = t.client();
    tablet.ip = '192.0.2.13';
    await tablet.login(admin.email, PASSWORD);
    const stolen = tablet.refreshCookie!;
    expect((await tablet.refresh()).status).toBe(200);
    // Past the reuse grace window (see REUSE_GRACE_MS), presenting the rotated token is reuse.
    await t.db.query(
      "UPDATE refresh_tokens SET rotated_at = now() - interval '1 minute' WHERE rotated_at IS NOT NULL",
    );
    const thief = t.client();
    thief.refreshCookie = stolen;
    expect((await thief.refresh()).status).toBe(401);

    const items = await orgLog(admin);
    const login = entry(items, 'auth.login', (e) => e.ip === '192.0.2.10');
    expect(login).toMatchObject({
      organizationId: orgId,
      actor: { userId: admin.me.id, organizationId: orgId, name: admin.me.name },
      targetType: 'session',
      targetId: phoneSession.id,
    });
    const failed = entry(items, 'auth.login-failed');
    expect(failed).toMatchObject({
      ip: '192.0.2.11',
      actor: { userId: admin.me.id },
      details: { email: admin.email, reason: 'wrong-password' },
    });
    entry(items, 'auth.logout', (e) => e.targetId === phoneSession.id && e.ip === '192.0.2.10');
    entry(items, 'session.revoked', (e) => e.targetId === laptopSession.id);
    const reuse = entry(items, 'auth.refresh-reuse');
    expect(reuse.actor?.userId).toBe(admin.me.id);

    // A failed login for an unknown address belongs to no organization but is still recorded.
    const anonymous: Array<{ actor_user_id: string | null; details: { reason: string } }> =
      await t.db.query(
        "SELECT actor_user_id, details FROM audit_log WHERE action = 'auth.login-failed' AND details->>'email' = $1",
        [unknownEmail],
      );
    expect(anonymous).toEqual([
      { actor_user_id: null, details: expect.objectContaining({ reason: 'unknown-email' }) },
    ]);
  });
});

describe('audit log: organization events', () => {
  it('records invites, their acceptance, role changes and disabling', async () => {
    const admin = await signUpOrg(t, 'org-events');
    const invite = expectStatus(
      await admin.client.post<{ id: string; token: string }>('/organizations/current/invites', {
        role: 'member',
      }),
      201,
    );
    const email = `joined-${Date.now()}@example.org`;
    const joined = await t.client().post('/auth/register', {
      email,
      name: 'Joined person',
      password: PASSWORD,
      inviteToken: invite.token,
    });
    expect(joined.status).toBe(201);
    const member = (
      await admin.client.get<Array<{ id: string; email: string }>>('/organizations/current/members')
    ).body.find((m) => m.email === email)!;
    expectStatus(
      await admin.client.patch(`/organizations/current/members/${member.id}`, { role: 'admin' }),
      200,
    );
    expectStatus(
      await admin.client.post(`/organizations/current/members/${member.id}/disable`),
      200,
    );

    const items = await orgLog(admin);
    expect(entry(items, 'org.invite-created')).toMatchObject({
      actor: { userId: admin.me.id },
      targetId: invite.id,
      details: expect.objectContaining({ role: 'member' }),
    });
    expect(entry(items, 'org.invite-accepted')).toMatchObject({
      actor: { userId: member.id },
      targetId: invite.id,
    });
    expect(entry(items, 'user.role-changed')).toMatchObject({
      actor: { userId: admin.me.id },
      targetId: member.id,
      details: { from: 'member', to: 'admin' },
    });
    expect(entry(items, 'user.disabled')).toMatchObject({
      actor: { userId: admin.me.id },
      targetId: member.id,
    });
  });

  it('is readable by org admins only, and shows only their organization', async () => {
    const admin = await signUpOrg(t, 'reader');
    const member = await addColleague(t, admin);
    const other = await signUpOrg(t, 'other');
    expectError(await member.client.get('/organizations/current/audit'), 403, 'FORBIDDEN');
    const items = await orgLog(admin);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.organizationId === admin.me.organization.id)).toBe(true);
    expect(JSON.stringify(items)).not.toContain(other.me.id);
  });
});

describe('audit log: coalition events', () => {
  let coordinator: Actor;
  let coordinatorUser: Actor;
  let member: Actor;
  let leaver: Actor;
  let removed: Actor;
  let outsider: Actor;
  let coalitionId: string;

  beforeAll(async () => {
    coordinator = await signUpOrg(t, 'coalition-coord');
    coordinatorUser = await addColleague(t, coordinator);
    member = await signUpOrg(t, 'coalition-member');
    leaver = await signUpOrg(t, 'coalition-leaver');
    removed = await signUpOrg(t, 'coalition-removed');
    outsider = await signUpOrg(t, 'coalition-outsider');
    coalitionId = (await createCoalition(coordinator)).id;
    await joinCoalition(coordinator, member, coalitionId, 'member');
    await joinCoalition(coordinator, leaver, coalitionId, 'observer');
    await joinCoalition(coordinator, removed, coalitionId, 'member');
    expectStatus(
      await coordinator.client.patch(
        `/coalitions/${coalitionId}/members/${member.me.organization.id}`,
        { role: 'observer' },
      ),
      204,
    );
    expectStatus(
      await coordinator.client.delete(
        `/coalitions/${coalitionId}/members/${removed.me.organization.id}`,
      ),
      204,
    );
    expectStatus(await leaver.client.post(`/coalitions/${coalitionId}/leave`), 204);
  });

  it('records invites, acceptance, role changes, removal and leaving', async () => {
    const { items } = await coalitionLog(coordinator, coalitionId);
    const orgOf = (a: Actor) => a.me.organization.id;
    for (const invited of [member, leaver, removed]) {
      const created = entry(
        items,
        'coalition.invite-created',
        (e) => e.organizationId === orgOf(invited),
      );
      expect(created.actor?.userId).toBe(coordinator.me.id);
      const accepted = entry(
        items,
        'coalition.invite-accepted',
        (e) => e.organizationId === orgOf(invited),
      );
      expect(accepted).toMatchObject({
        actor: { userId: invited.me.id },
        targetId: created.targetId,
      });
    }
    expect(entry(items, 'coalition.role-changed')).toMatchObject({
      actor: { userId: coordinator.me.id },
      organizationId: orgOf(member),
      details: { from: 'member', to: 'observer' },
    });
    expect(entry(items, 'coalition.org-removed')).toMatchObject({
      actor: { userId: coordinator.me.id },
      organizationId: orgOf(removed),
      targetId: orgOf(removed),
    });
    expect(entry(items, 'coalition.org-left')).toMatchObject({
      actor: { userId: leaver.me.id },
      organizationId: orgOf(leaver),
    });
    expect(items.every((e) => e.coalitionId === coalitionId)).toBe(true);
  });

  it('filters by action and time, and pages with a cursor', async () => {
    const all = (await coalitionLog(coordinator, coalitionId)).items;
    expect(all.length).toBeGreaterThanOrEqual(10);
    const ids = all.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((x, y) => y - x));

    const onlyInvites = (
      await coalitionLog(coordinator, coalitionId, 'action=coalition.invite-created')
    ).items;
    expect(onlyInvites).toHaveLength(3);
    expect(onlyInvites.every((e) => e.action === 'coalition.invite-created')).toBe(true);

    // since / until split the log at an entry that came well after the first ones.
    const marker = entry(all, 'coalition.role-changed');
    const since = encodeURIComponent(marker.occurredAt);
    const after = (await coalitionLog(coordinator, coalitionId, `since=${since}&limit=200`)).items;
    const before = (await coalitionLog(coordinator, coalitionId, `until=${since}&limit=200`)).items;
    const atOrAfter = (e: AuditEntryDto) => e.occurredAt >= marker.occurredAt;
    expect(after.map((e) => e.id)).toEqual(all.filter(atOrAfter).map((e) => e.id));
    expect(before.map((e) => e.id)).toEqual(all.filter((e) => !atOrAfter(e)).map((e) => e.id));
    expect(after.map((e) => e.id)).toContain(marker.id);
    expect(before.length).toBeGreaterThan(0);

    // Pages of 3 add up to the whole log, in order, without repeats.
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page<AuditEntryDto> = await coalitionLog(
        coordinatorUser,
        coalitionId,
        `limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(paged).toEqual(all.map((e) => e.id));
    expect(pages).toBe(Math.ceil(all.length / 3));

    // Filters combine with paging.
    const firstInvite = await coalitionLog(
      coordinator,
      coalitionId,
      'action=coalition.invite-created&limit=2',
    );
    expect(firstInvite.items).toHaveLength(2);
    const restInvite = await coalitionLog(
      coordinator,
      coalitionId,
      `action=coalition.invite-created&limit=2&cursor=${firstInvite.nextCursor}`,
    );
    expect(restInvite.items.map((e) => e.id)).toEqual([onlyInvites[2].id]);
    expect(restInvite.nextCursor).toBeNull();

    expectError(
      await coordinator.client.get(`/coalitions/${coalitionId}/audit?action=made.up`),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await coordinator.client.get(`/coalitions/${coalitionId}/audit?cursor=abc`),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('is for coordinators: 403 for other members, 404 for outsiders and former members', async () => {
    expectError(await member.client.get(`/coalitions/${coalitionId}/audit`), 403, 'FORBIDDEN');
    expectError(await outsider.client.get(`/coalitions/${coalitionId}/audit`), 404, 'NOT_FOUND');
    expectError(await leaver.client.get(`/coalitions/${coalitionId}/audit`), 404, 'NOT_FOUND');
    expectError(await removed.client.get(`/coalitions/${coalitionId}/audit`), 404, 'NOT_FOUND');
  });
});

describe('audit log storage', () => {
  it('is append-only: the database refuses UPDATE and DELETE', async () => {
    // Straight to the database with SQL, not through the app's services. TypeORM prints the
    // refused queries to the console; keep the test output clean.
    const quiet = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const count = async () =>
        ((await t.db.query('SELECT count(*)::int AS n FROM audit_log')) as Array<{ n: number }>)[0]
          .n;
      const before = await count();
      expect(before).toBeGreaterThan(0);
      await expect(
        t.db.query(
          "UPDATE audit_log SET action = 'auth.login' WHERE id = (SELECT min(id) FROM audit_log)",
        ),
      ).rejects.toThrow(/append-only/);
      await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect(await count()).toBe(before);
      // Appending still works.
      await t.db.query("INSERT INTO audit_log (action) VALUES ('org.updated')");
      expect(await count()).toBe(before + 1);
    } finally {
      quiet.mockRestore();
    }
  });
});
