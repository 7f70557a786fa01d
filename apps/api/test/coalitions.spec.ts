import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  CoalitionDto,
  CoalitionInviteDto,
  CoalitionMemberDto,
  WorkingGroupDto,
} from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import {
  addColleague,
  createCoalition,
  inviteToCoalition,
  joinCoalition,
  signUpOrg,
} from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

let t: TestApp;
/** Org A: admin and a non-admin colleague. A creates the coalitions, so it coordinates them. */
let a: Actor;
let aMember: Actor;
/** Org B: admin and a non-admin colleague. */
let b: Actor;
let bMember: Actor;
/** Org C: admin and a non-admin colleague. */
let c: Actor;
let cMember: Actor;
/** Org D: admin only. */
let d: Actor;

const orgId = (actor: Actor) => actor.me.organization.id;
const DAY = 86_400_000;

async function members(actor: Actor, coalitionId: string): Promise<Record<string, string>> {
  const res = await actor.client.get<CoalitionMemberDto[]>(`/coalitions/${coalitionId}/members`);
  return Object.fromEntries(expectStatus(res, 200).map((m) => [m.organization.id, m.role]));
}

async function groups(actor: Actor, coalitionId: string): Promise<WorkingGroupDto[]> {
  return expectStatus(
    await actor.client.get<WorkingGroupDto[]>(`/coalitions/${coalitionId}/working-groups`),
    200,
  );
}

async function roleInDb(coalitionId: string, organizationId: string): Promise<string | null> {
  const rows: Array<{ role: string }> = await t.db.query(
    'SELECT role FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
    [coalitionId, organizationId],
  );
  return rows[0]?.role ?? null;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await signUpOrg(t, 'coord');
  aMember = await addColleague(t, a);
  b = await signUpOrg(t, 'bravo');
  bMember = await addColleague(t, b);
  c = await signUpOrg(t, 'charlie');
  cMember = await addColleague(t, c);
  d = await signUpOrg(t, 'delta');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('creating a coalition', () => {
  it("makes the creator's organization its coordinator", async () => {
    const res = await a.client.post<CoalitionDto>('/coalitions', {
      name: 'Gulf Coast Anti-Trafficking Network',
      description: 'Regional network',
    });
    const coalition = expectStatus(res, 201);
    expect(coalition).toMatchObject({
      name: 'Gulf Coast Anti-Trafficking Network',
      slug: 'gulf-coast-anti-trafficking-network',
      description: 'Regional network',
      role: 'coordinator',
      memberCount: 1,
    });
    expect(await members(a, coalition.id)).toEqual({ [orgId(a)]: 'coordinator' });
    expect(await roleInDb(coalition.id, orgId(a))).toBe('coordinator');

    // Colleagues of the creator see it too, with their organization's role.
    const list = expectStatus(await aMember.client.get<CoalitionDto[]>('/coalitions'), 200);
    expect(list.map((x) => [x.id, x.role])).toContainEqual([coalition.id, 'coordinator']);
    expect((await aMember.client.me()).coalitions).toContainEqual(
      expect.objectContaining({ id: coalition.id, role: 'coordinator' }),
    );
    // Others do not.
    expect(expectStatus(await b.client.get<CoalitionDto[]>('/coalitions'), 200)).toEqual([]);

    const dup = await b.client.post('/coalitions', { name: 'Gulf Coast Anti-Trafficking Network' });
    expect(expectError(dup, 409, 'CONFLICT').error.fields?.[0]?.path).toBe('name');
  });

  it('is for organization admins only', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM coalitions');
    expectError(
      await aMember.client.post('/coalitions', { name: 'Not allowed' }),
      403,
      'FORBIDDEN',
    );
    expect(await t.db.query('SELECT count(*)::int AS n FROM coalitions')).toEqual(before);
  });

  it('lets the coordinator admin update name and description but not the slug', async () => {
    const coalition = await createCoalition(a);
    const res = await a.client.patch<CoalitionDto>(`/coalitions/${coalition.id}`, {
      name: 'Renamed coalition',
      description: null,
    });
    expect(expectStatus(res, 200)).toMatchObject({
      name: 'Renamed coalition',
      description: null,
      slug: coalition.slug,
    });
    expectError(
      await a.client.patch(`/coalitions/${coalition.id}`, { slug: 'new-slug' }),
      400,
      'VALIDATION_FAILED',
    );
    const again = expectStatus(
      await a.client.get<CoalitionDto>(`/coalitions/${coalition.id}`),
      200,
    );
    expect(again).toMatchObject({ name: 'Renamed coalition', slug: coalition.slug });
  });
});

describe('coalition invitations', () => {
  let coalitionId: string;

  beforeAll(async () => {
    coalitionId = (await createCoalition(a)).id;
  });

  it('issues a token with an expiry that only a hash of is stored', async () => {
    const res = await a.client.post<CoalitionInviteDto & { token: string }>(
      `/coalitions/${coalitionId}/invites`,
      { organizationId: orgId(b), role: 'member' },
    );
    const invite = expectStatus(res, 201);
    expect(invite).toMatchObject({
      coalition: { id: coalitionId },
      organization: { id: orgId(b), name: b.me.organization.name },
      role: 'member',
      acceptedAt: null,
      revokedAt: null,
    });
    expect(invite.token.length).toBeGreaterThanOrEqual(40);
    const expiresIn = new Date(invite.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(7 * DAY - 60_000);
    expect(expiresIn).toBeLessThanOrEqual(7 * DAY);

    const stored: Array<{ token_hash: string }> = await t.db.query(
      'SELECT token_hash FROM coalition_invites WHERE id = $1',
      [invite.id],
    );
    expect(stored[0].token_hash).toBe(createHash('sha256').update(invite.token).digest('hex'));

    // The listing never shows tokens.
    const list = expectStatus(
      await a.client.get<CoalitionInviteDto[]>(`/coalitions/${coalitionId}/invites`),
      200,
    );
    const listed = list.find((i) => i.id === invite.id);
    expect(listed).toBeDefined();
    expect(listed).not.toHaveProperty('token');

    // A custom lifetime.
    const short = expectStatus(
      await a.client.post<CoalitionInviteDto>(`/coalitions/${coalitionId}/invites`, {
        organizationId: orgId(d),
        role: 'observer',
        ttlDays: 2,
      }),
      201,
    );
    const shortIn = new Date(short.expiresAt).getTime() - Date.now();
    expect(shortIn).toBeGreaterThan(2 * DAY - 60_000);
    expect(shortIn).toBeLessThanOrEqual(2 * DAY);
    expectStatus(await a.client.delete(`/coalitions/${coalitionId}/invites/${short.id}`), 204);
    expectStatus(await a.client.delete(`/coalitions/${coalitionId}/invites/${invite.id}`), 204);
  });

  it('previews the invitation for the invited organization admin only', async () => {
    const coalition = expectStatus(
      await a.client.get<{ name: string }>(`/coalitions/${coalitionId}`),
      200,
    );
    const invite = await inviteToCoalition(a, coalitionId, orgId(c), 'observer');
    const url = `/invites/coalition?token=${encodeURIComponent(invite.token)}`;
    expect(expectStatus(await c.client.get(url), 200)).toMatchObject({
      kind: 'coalition',
      name: coalition.name,
      role: 'observer',
    });
    expectError(await cMember.client.get(url), 403, 'FORBIDDEN');
    expectError(await d.client.get(url), 404, 'NOT_FOUND');
    expectStatus(await a.client.delete(`/coalitions/${coalitionId}/invites/${invite.id}`), 204);
    expectError(await c.client.get(url), 404, 'NOT_FOUND');
  });

  it("is accepted by the invited organization's admin only, once, by token", async () => {
    const fresh = await inviteToCoalition(a, coalitionId, orgId(b), 'member');

    // A non-admin of the invited organization may not accept.
    expectError(
      await bMember.client.post('/coalition-invites/accept', { token: fresh.token }),
      403,
      'FORBIDDEN',
    );
    // The admin of another organization cannot use it (nor learn about it).
    expectError(
      await c.client.post('/coalition-invites/accept', { token: fresh.token }),
      404,
      'NOT_FOUND',
    );
    expect(await roleInDb(coalitionId, orgId(b))).toBeNull();
    expect(await roleInDb(coalitionId, orgId(c))).toBeNull();
    expectError(await b.client.get(`/coalitions/${coalitionId}`), 404, 'NOT_FOUND');

    const accepted = await b.client.post<{ coalitionId: string }>('/coalition-invites/accept', {
      token: fresh.token,
    });
    expect(expectStatus(accepted, 200)).toEqual({ coalitionId });
    expect(await roleInDb(coalitionId, orgId(b))).toBe('member');
    const seen = expectStatus(
      await bMember.client.get<CoalitionDto>(`/coalitions/${coalitionId}`),
      200,
    );
    expect(seen).toMatchObject({ id: coalitionId, role: 'member', memberCount: 2 });
    expect(await members(b, coalitionId)).toEqual({
      [orgId(a)]: 'coordinator',
      [orgId(b)]: 'member',
    });

    // Used once: a second use is refused and changes nothing.
    expectError(
      await b.client.post('/coalition-invites/accept', { token: fresh.token }),
      409,
      'INVITE_USED',
    );
    const listed = (
      await a.client.get<CoalitionInviteDto[]>(`/coalitions/${coalitionId}/invites`)
    ).body.find((i) => i.id === fresh.id)!;
    expect(listed.acceptedAt).not.toBeNull();

    // An organization that is already a member cannot be invited again.
    const again = await a.client.post(`/coalitions/${coalitionId}/invites`, {
      organizationId: orgId(b),
    });
    expect(expectError(again, 409, 'CONFLICT').error.fields?.[0]?.path).toBe('organizationId');
  });

  it("is accepted by id from the organization's inbox", async () => {
    const invite = await inviteToCoalition(a, coalitionId, orgId(c), 'observer');

    const inbox = expectStatus(
      await c.client.get<CoalitionInviteDto[]>('/organizations/current/coalition-invites'),
      200,
    );
    expect(inbox).toEqual([
      expect.objectContaining({
        id: invite.id,
        role: 'observer',
        coalition: expect.objectContaining({ id: coalitionId }),
        organization: expect.objectContaining({ id: orgId(c) }),
      }),
    ]);
    expect(inbox[0]).not.toHaveProperty('token');
    // Other organizations' inboxes do not show it; non-admins have no inbox.
    expect(
      expectStatus(await b.client.get<unknown[]>('/organizations/current/coalition-invites'), 200),
    ).toEqual([]);
    expectError(
      await cMember.client.get('/organizations/current/coalition-invites'),
      403,
      'FORBIDDEN',
    );
    expectError(
      await cMember.client.post(`/coalition-invites/${invite.id}/accept`),
      403,
      'FORBIDDEN',
    );
    expectError(await b.client.post(`/coalition-invites/${invite.id}/accept`), 404, 'NOT_FOUND');
    expect(await roleInDb(coalitionId, orgId(c))).toBeNull();

    const accepted = await c.client.post(`/coalition-invites/${invite.id}/accept`);
    expect(expectStatus(accepted, 200)).toEqual({ coalitionId });
    expect(await roleInDb(coalitionId, orgId(c))).toBe('observer');
    expect(
      expectStatus(await c.client.get<unknown[]>('/organizations/current/coalition-invites'), 200),
    ).toEqual([]);
    expectError(await c.client.post(`/coalition-invites/${invite.id}/accept`), 409, 'INVITE_USED');
  });

  it('refuses an expired invitation with 410 and does not list it as pending', async () => {
    const invite = await inviteToCoalition(a, coalitionId, orgId(d), 'member');
    await t.db.query(
      "UPDATE coalition_invites SET expires_at = now() - interval '1 minute' WHERE id = $1",
      [invite.id],
    );
    expect(
      expectStatus(await d.client.get<unknown[]>('/organizations/current/coalition-invites'), 200),
    ).toEqual([]);
    expectError(
      await d.client.post('/coalition-invites/accept', { token: invite.token }),
      410,
      'INVITE_EXPIRED',
    );
    expectError(
      await d.client.post(`/coalition-invites/${invite.id}/accept`),
      410,
      'INVITE_EXPIRED',
    );
    expect(await roleInDb(coalitionId, orgId(d))).toBeNull();
    expectError(await d.client.get(`/coalitions/${coalitionId}`), 404, 'NOT_FOUND');

    // An expired invitation does not block a new one; a pending one does.
    const next = await inviteToCoalition(a, coalitionId, orgId(d), 'member');
    const dup = await a.client.post(`/coalitions/${coalitionId}/invites`, {
      organizationId: orgId(d),
    });
    expectError(dup, 409, 'CONFLICT');
    expectStatus(await a.client.delete(`/coalitions/${coalitionId}/invites/${next.id}`), 204);
  });

  it('revokes a pending invitation, after which it cannot be used or revoked again', async () => {
    const invite = await inviteToCoalition(a, coalitionId, orgId(d), 'member');
    expectStatus(await a.client.delete(`/coalitions/${coalitionId}/invites/${invite.id}`), 204);
    const listed = (
      await a.client.get<CoalitionInviteDto[]>(`/coalitions/${coalitionId}/invites`)
    ).body.find((i) => i.id === invite.id)!;
    expect(listed.revokedAt).not.toBeNull();
    expectError(
      await d.client.post('/coalition-invites/accept', { token: invite.token }),
      404,
      'NOT_FOUND',
    );
    expectError(await d.client.post(`/coalition-invites/${invite.id}/accept`), 404, 'NOT_FOUND');
    expectError(
      await a.client.delete(`/coalitions/${coalitionId}/invites/${invite.id}`),
      404,
      'NOT_FOUND',
    );
    expect(await roleInDb(coalitionId, orgId(d))).toBeNull();
  });

  it('cannot revoke an invitation of another coalition through this one', async () => {
    const other = await createCoalition(a);
    const invite = await inviteToCoalition(a, other.id, orgId(d), 'member');
    expectError(
      await a.client.delete(`/coalitions/${coalitionId}/invites/${invite.id}`),
      404,
      'NOT_FOUND',
    );
    const rows: Array<{ revoked_at: Date | null }> = await t.db.query(
      'SELECT revoked_at FROM coalition_invites WHERE id = $1',
      [invite.id],
    );
    expect(rows[0].revoked_at).toBeNull();
  });

  it('refuses an unknown organization with a field error', async () => {
    const res = await a.client.post(`/coalitions/${coalitionId}/invites`, {
      organizationId: '00000000-0000-4000-8000-000000000000',
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.fields).toEqual([
      expect.objectContaining({ path: 'organizationId' }),
    ]);
  });
});

describe('coalition roles', () => {
  it('moves an organization from member to observer to coordinator', async () => {
    const { id } = await createCoalition(a);
    await joinCoalition(a, b, id, 'member');

    expectStatus(
      await a.client.patch(`/coalitions/${id}/members/${orgId(b)}`, { role: 'observer' }),
      204,
    );
    expect(await roleInDb(id, orgId(b))).toBe('observer');
    expect((await b.client.get<CoalitionDto>(`/coalitions/${id}`)).body.role).toBe('observer');
    // As an observer, B cannot create working groups...
    expectError(
      await b.client.post(`/coalitions/${id}/working-groups`, { name: 'Observers group' }),
      403,
      'FORBIDDEN',
    );

    expectStatus(
      await a.client.patch(`/coalitions/${id}/members/${orgId(b)}`, { role: 'coordinator' }),
      204,
    );
    expect(await roleInDb(id, orgId(b))).toBe('coordinator');
    // ...as a coordinator it can manage the coalition at once.
    expectStatus(await b.client.patch(`/coalitions/${id}`, { description: 'Co-led' }), 200);
    expect(await members(b, id)).toEqual({
      [orgId(a)]: 'coordinator',
      [orgId(b)]: 'coordinator',
    });

    // Setting the same role again is a no-op.
    expectStatus(
      await a.client.patch(`/coalitions/${id}/members/${orgId(b)}`, { role: 'coordinator' }),
      204,
    );
    // An organization that is not a member: 404.
    expectError(
      await a.client.patch(`/coalitions/${id}/members/${orgId(d)}`, { role: 'member' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await a.client.patch(`/coalitions/${id}/members/${orgId(b)}`, { role: 'chief' }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('keeps at least one coordinator when demoting, removing or leaving', async () => {
    const { id } = await createCoalition(a);
    await joinCoalition(a, b, id, 'coordinator');

    // Two coordinators: A steps down to member; B is now the only coordinator.
    expectStatus(
      await a.client.patch(`/coalitions/${id}/members/${orgId(a)}`, { role: 'member' }),
      204,
    );
    expect(await roleInDb(id, orgId(a))).toBe('member');

    // Demoting the only coordinator.
    const demote = await b.client.patch(`/coalitions/${id}/members/${orgId(b)}`, {
      role: 'observer',
    });
    expectError(demote, 409, 'LAST_COORDINATOR');
    // Leaving as the only coordinator.
    expectError(await b.client.post(`/coalitions/${id}/leave`), 409, 'LAST_COORDINATOR');
    // Removing the only coordinator: it is the caller's own organization, which must use "leave".
    expectError(await b.client.delete(`/coalitions/${id}/members/${orgId(b)}`), 403, 'FORBIDDEN');
    expect(await roleInDb(id, orgId(b))).toBe('coordinator');

    // With two coordinators again, one coordinator may remove the other, or leave.
    expectStatus(
      await b.client.patch(`/coalitions/${id}/members/${orgId(a)}`, { role: 'coordinator' }),
      204,
    );
    expectStatus(await a.client.delete(`/coalitions/${id}/members/${orgId(b)}`), 204);
    expect(await roleInDb(id, orgId(b))).toBeNull();
    expect(await members(a, id)).toEqual({ [orgId(a)]: 'coordinator' });
    expectError(await a.client.post(`/coalitions/${id}/leave`), 409, 'LAST_COORDINATOR');
  });
});

describe('removing and leaving', () => {
  it('removing an organization ends its access at once and takes it out of working groups', async () => {
    const { id } = await createCoalition(a);
    await joinCoalition(a, b, id, 'member');
    await joinCoalition(a, c, id, 'member');
    const everyone = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Everyone',
        organizationIds: [orgId(a), orgId(b), orgId(c)],
      }),
      201,
    );
    const justB = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Just B',
        organizationIds: [orgId(b)],
      }),
      201,
    );
    expectStatus(await bMember.client.get(`/coalitions/${id}/working-groups`), 200);

    // A member org's admin cannot remove another org; the coordinator can.
    expectError(await b.client.delete(`/coalitions/${id}/members/${orgId(c)}`), 403, 'FORBIDDEN');
    expectStatus(await a.client.delete(`/coalitions/${id}/members/${orgId(b)}`), 204);

    for (const actor of [b, bMember]) {
      expectError(await actor.client.get(`/coalitions/${id}`), 404, 'NOT_FOUND');
      expectError(await actor.client.get(`/coalitions/${id}/working-groups`), 404, 'NOT_FOUND');
      expectError(await actor.client.get(`/coalitions/${id}/members`), 404, 'NOT_FOUND');
      const list = expectStatus(await actor.client.get<CoalitionDto[]>('/coalitions'), 200);
      expect(list.map((x) => x.id)).not.toContain(id);
      expect((await actor.client.me()).coalitions.map((x) => x.id)).not.toContain(id);
    }

    const after = await groups(a, id);
    const byId = Object.fromEntries(after.map((g) => [g.id, g.organizations.map((o) => o.id)]));
    expect(byId[everyone.id].sort()).toEqual([orgId(a), orgId(c)].sort());
    expect(byId[justB.id]).toEqual([]);
    const rows = await t.db.query(
      `SELECT 1 FROM working_group_members wm JOIN working_groups g ON g.id = wm.working_group_id
        WHERE g.coalition_id = $1 AND wm.organization_id = $2`,
      [id, orgId(b)],
    );
    expect(rows).toEqual([]);

    expectError(await a.client.delete(`/coalitions/${id}/members/${orgId(b)}`), 404, 'NOT_FOUND');
    // It can be invited back.
    await joinCoalition(a, b, id, 'observer');
    expect(await roleInDb(id, orgId(b))).toBe('observer');
  });

  it('an org admin takes their organization out; a non-admin of the org cannot', async () => {
    const { id } = await createCoalition(a);
    await joinCoalition(a, c, id, 'member');
    const group = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'With C',
        organizationIds: [orgId(c)],
      }),
      201,
    );

    expectError(await cMember.client.post(`/coalitions/${id}/leave`), 403, 'FORBIDDEN');
    expect(await roleInDb(id, orgId(c))).toBe('member');

    expectStatus(await c.client.post(`/coalitions/${id}/leave`), 204);
    expect(await roleInDb(id, orgId(c))).toBeNull();
    expectError(await c.client.get(`/coalitions/${id}`), 404, 'NOT_FOUND');
    expectError(await cMember.client.get(`/coalitions/${id}`), 404, 'NOT_FOUND');
    expectError(await c.client.post(`/coalitions/${id}/leave`), 404, 'NOT_FOUND');
    const after = (await groups(a, id)).find((g) => g.id === group.id)!;
    expect(after.organizations).toEqual([]);
    expect(await members(a, id)).toEqual({ [orgId(a)]: 'coordinator' });
  });
});

describe('working groups', () => {
  let id: string;
  let otherCoalition: string;

  beforeAll(async () => {
    id = (await createCoalition(a)).id;
    await joinCoalition(a, b, id, 'member');
    await joinCoalition(a, c, id, 'observer');
    otherCoalition = (await createCoalition(a)).id;
  });

  it('creates, lists, updates and deletes a working group', async () => {
    const created = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Federal policy',
        description: 'TVPA reauthorization',
        organizationIds: [orgId(b), orgId(a), orgId(b)],
      }),
      201,
    );
    expect(created).toMatchObject({
      coalitionId: id,
      name: 'Federal policy',
      description: 'TVPA reauthorization',
    });
    expect(created.organizations.map((o) => o.id).sort()).toEqual([orgId(a), orgId(b)].sort());

    // Every member organization, observers included, can read the groups.
    const seen = await groups(c, id);
    expect(seen.map((g) => g.id)).toContain(created.id);

    // Renaming keeps the member organizations.
    const renamed = expectStatus(
      await a.client.patch<WorkingGroupDto>(`/coalitions/${id}/working-groups/${created.id}`, {
        name: 'Federal policy and advocacy',
      }),
      200,
    );
    expect(renamed.name).toBe('Federal policy and advocacy');
    expect(renamed.description).toBe('TVPA reauthorization');
    expect(renamed.organizations.map((o) => o.id).sort()).toEqual([orgId(a), orgId(b)].sort());
    const stored = (await groups(a, id)).find((g) => g.id === created.id)!;
    expect(stored.organizations.map((o) => o.id).sort()).toEqual([orgId(a), orgId(b)].sort());

    // Replacing the member organizations.
    const replaced = expectStatus(
      await aMember.client.patch<WorkingGroupDto>(
        `/coalitions/${id}/working-groups/${created.id}`,
        {
          organizationIds: [orgId(c)],
          description: null,
        },
      ),
      200,
    );
    expect(replaced.organizations.map((o) => o.id)).toEqual([orgId(c)]);
    expect(replaced.description).toBeNull();
    expect(replaced.name).toBe('Federal policy and advocacy');

    expectStatus(await a.client.delete(`/coalitions/${id}/working-groups/${created.id}`), 204);
    expect((await groups(a, id)).map((g) => g.id)).not.toContain(created.id);
    expect(
      await t.db.query('SELECT 1 FROM working_group_members WHERE working_group_id = $1', [
        created.id,
      ]),
    ).toEqual([]);
    expectError(
      await a.client.delete(`/coalitions/${id}/working-groups/${created.id}`),
      404,
      'NOT_FOUND',
    );
  });

  it('refuses a duplicate name (case-insensitively) with 409', async () => {
    const first = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Survivor services',
      }),
      201,
    );
    const dup = await a.client.post(`/coalitions/${id}/working-groups`, {
      name: 'SURVIVOR SERVICES',
    });
    expect(expectError(dup, 409, 'CONFLICT').error.fields?.[0]?.path).toBe('name');

    const second = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Supply chains',
      }),
      201,
    );
    expectError(
      await a.client.patch(`/coalitions/${id}/working-groups/${second.id}`, {
        name: 'survivor services',
      }),
      409,
      'CONFLICT',
    );
    // Changing only the case of its own name is fine.
    expectStatus(
      await a.client.patch(`/coalitions/${id}/working-groups/${first.id}`, {
        name: 'Survivor Services',
      }),
      200,
    );
    // The same name in another coalition is fine.
    expectStatus(
      await a.client.post(`/coalitions/${otherCoalition}/working-groups`, {
        name: 'Survivor services',
      }),
      201,
    );
  });

  it('refuses organizations that are not members of the coalition, naming the field', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM working_groups');
    const res = await a.client.post(`/coalitions/${id}/working-groups`, {
      name: 'With an outsider',
      organizationIds: [orgId(a), orgId(d), orgId(b)],
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.error.fields).toEqual([expect.objectContaining({ path: 'organizationIds.1' })]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM working_groups')).toEqual(before);

    const group = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${id}/working-groups`, {
        name: 'Labor',
        organizationIds: [orgId(b)],
      }),
      201,
    );
    const patch = await a.client.patch(`/coalitions/${id}/working-groups/${group.id}`, {
      name: 'Labor rights',
      organizationIds: [orgId(d)],
    });
    expect(expectError(patch, 400, 'VALIDATION_FAILED').error.fields).toEqual([
      expect.objectContaining({ path: 'organizationIds.0' }),
    ]);
    const unchanged = (await groups(a, id)).find((g) => g.id === group.id)!;
    expect(unchanged.name).toBe('Labor');
    expect(unchanged.organizations.map((o) => o.id)).toEqual([orgId(b)]);
  });

  it('cannot reach a working group of another coalition through this one', async () => {
    const foreign = expectStatus(
      await a.client.post<WorkingGroupDto>(`/coalitions/${otherCoalition}/working-groups`, {
        name: 'Foreign group',
      }),
      201,
    );
    expectError(
      await a.client.patch(`/coalitions/${id}/working-groups/${foreign.id}`, { name: 'Hijacked' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await a.client.delete(`/coalitions/${id}/working-groups/${foreign.id}`),
      404,
      'NOT_FOUND',
    );
    const still = (await groups(a, otherCoalition)).find((g) => g.id === foreign.id);
    expect(still?.name).toBe('Foreign group');
  });
});
