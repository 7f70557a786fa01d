import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, OrgSecuritySettingsDto, TwoFactorStatusDto } from '@coalesce/protocol';
import { rawSocket } from './collab/collab-fixtures.js';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { addColleague, createCoalition, PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { enrolTwoFactor } from './support/two-factor.js';

let t: TestApp;
let admin: Actor;
let member: Actor;
let outsider: Actor;
let coalitionId: string;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signUpOrg(t, 'enforcing');
  member = await addColleague(t, admin);
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(admin)).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const securityOf = (orgId: string) => `/organizations/${orgId}/security`;

describe('requiring two-factor for an organization', () => {
  it('lets members read the setting, only admins change it, and hides it from outsiders', async () => {
    const orgId = admin.me.organization.id;
    expect(expectStatus(await member.client.get(securityOf(orgId)), 200)).toEqual({
      organizationId: orgId,
      requireTwoFactor: false,
      membersWithoutTwoFactor: 2,
    });

    const before = await settledFingerprint(t);
    expectError(
      await member.client.request('PUT', securityOf(orgId), { requireTwoFactor: true }),
      403,
      'FORBIDDEN',
    );
    expectError(await outsider.client.get(securityOf(orgId)), 404, 'NOT_FOUND');
    expectError(
      await outsider.client.request('PUT', securityOf(orgId), { requireTwoFactor: true }),
      404,
      'NOT_FOUND',
    );
    const missing = '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93';
    expectError(await outsider.client.get(securityOf(missing)), 404, 'NOT_FOUND');
    expectError(
      await admin.client.request('PUT', securityOf(orgId), { requireTwoFactor: 'yes' }),
      400,
      'VALIDATION_FAILED',
    );
    // An admin without two-factor would lock themselves out: refused until they enrol.
    const own = expectError(
      await admin.client.request('PUT', securityOf(orgId), { requireTwoFactor: true }),
      409,
      'CONFLICT',
    );
    expect(own.error.message).toMatch(/your own account first/);
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('once on, refuses every route but enrolment to a member without two-factor, then unlocks', async () => {
    const orgId = admin.me.organization.id;
    await enrolTwoFactor(admin);
    const on = expectStatus(
      await admin.client.request<OrgSecuritySettingsDto>('PUT', securityOf(orgId), {
        requireTwoFactor: true,
      }),
      200,
    );
    expect(on).toEqual({
      organizationId: orgId,
      requireTwoFactor: true,
      membersWithoutTwoFactor: 1,
    });
    const audit = await t.db.query(
      "SELECT actor_user_id, details FROM audit_log WHERE action = 'org.mfa-requirement-changed' AND organization_id = $1",
      [orgId],
    );
    expect(audit).toEqual([{ actor_user_id: admin.me.id, details: { requireTwoFactor: true } }]);

    // The member's open session is held at once...
    for (const [method, path] of [
      ['GET', `/coalitions/${coalitionId}`],
      ['GET', '/organizations/current'],
      ['GET', '/auth/sessions'],
      ['GET', `/organizations/${orgId}/security`],
      ['POST', '/coalitions'],
    ] as const) {
      const res = await member.client.request<ErrorBody>(
        method,
        path,
        method === 'POST' ? { name: 'X' } : undefined,
      );
      expect({ path, status: res.status, code: res.body.error?.code }).toEqual({
        path,
        status: 403,
        code: 'MFA_ENROLMENT_REQUIRED',
      });
    }
    // ...and so is a new sign-in: the password works, the rest waits for enrolment.
    const fresh = t.client();
    expectStatus(await fresh.login(member.email, PASSWORD), 200);
    const me = await fresh.me();
    expect(me.twoFactor).toEqual({
      enabled: false,
      requiredByOrganization: true,
      enrolmentRequired: true,
    });
    expectError(await fresh.get(`/coalitions/${coalitionId}`), 403, 'MFA_ENROLMENT_REQUIRED');
    expect(
      expectStatus(await fresh.get<TwoFactorStatusDto>('/auth/mfa'), 200).requiredByOrganization,
    ).toBe(true);

    // No socket either.
    await expect(rawSocket(t, fresh.token)).rejects.toMatchObject({
      message: 'MFA_ENROLMENT_REQUIRED',
    });

    // Enrolment is open, and unlocks everything.
    await enrolTwoFactor(member);
    expectStatus(await member.client.get(`/coalitions/${coalitionId}`), 200);
    expectStatus(await fresh.get(`/coalitions/${coalitionId}`), 200);
    const socket = await rawSocket(t, fresh.token);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    expect(
      expectStatus(await admin.client.get<OrgSecuritySettingsDto>(securityOf(orgId)), 200)
        .membersWithoutTwoFactor,
    ).toBe(0);

    // While the organization requires it, the member cannot turn it off.
    expectError(await member.client.delete('/auth/mfa'), 403, 'FORBIDDEN');
    expect(
      expectStatus(await member.client.get<TwoFactorStatusDto>('/auth/mfa'), 200).enabled,
    ).toBe(true);

    // When the admin lifts the requirement, the member may.
    expectStatus(
      await admin.client.request('PUT', securityOf(orgId), { requireTwoFactor: false }),
      200,
    );
    expectStatus(await member.client.delete('/auth/mfa'), 204);
  });

  it('lets a held member sign out', async () => {
    const orgId = admin.me.organization.id;
    const colleague = await addColleague(t, admin);
    expectStatus(
      await admin.client.request('PUT', securityOf(orgId), { requireTwoFactor: true }),
      200,
    );
    expectError(
      await colleague.client.get('/organizations/current'),
      403,
      'MFA_ENROLMENT_REQUIRED',
    );
    expectStatus(await colleague.client.post('/auth/logout'), 204);
    expectError(await colleague.client.get('/me'), 401, 'SESSION_REVOKED');
    expectStatus(
      await admin.client.request('PUT', securityOf(orgId), { requireTwoFactor: false }),
      200,
    );
  });

  it('does not touch other organizations', async () => {
    expectStatus(await outsider.client.get('/organizations/current'), 200);
    expect((await outsider.client.me()).twoFactor.requiredByOrganization).toBe(false);
  });
});
