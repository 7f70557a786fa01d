import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { AuthTokens, ErrorBody, OrgMemberDto } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { addColleague, PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { enrolTwoFactor } from './support/two-factor.js';

let t: TestApp;
let admin: Actor;
let member: Actor;
let colleague: Actor;
let outsider: Actor;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signUpOrg(t, 'resetting');
  member = await addColleague(t, admin);
  colleague = await addColleague(t, admin);
  outsider = await signUpOrg(t, 'outsider');
  await enrolTwoFactor(member);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const resetPath = (user: Actor) => `/organizations/current/members/${user.me.id}/two-factor/reset`;

async function memberRow(user: Actor): Promise<OrgMemberDto> {
  const list = expectStatus(
    await admin.client.get<OrgMemberDto[]>('/organizations/current/members'),
    200,
  );
  return list.find((m) => m.id === user.me.id)!;
}

describe("an admin resets a member's second factor", () => {
  it('is refused to members who are not admins, to outsiders and for oneself, changing nothing', async () => {
    expect(await memberRow(member)).toMatchObject({ twoFactorEnabled: true });
    const before = await settledFingerprint(t);
    expectError(await colleague.client.post(resetPath(member)), 403, 'FORBIDDEN');
    // Another organization's admin: the member is not theirs to know.
    expectError(await outsider.client.post(resetPath(member)), 404, 'NOT_FOUND');
    expectError(await admin.client.post(resetPath(admin)), 403, 'FORBIDDEN');
    expectError(
      await admin.client.post('/organizations/current/members/not-a-uuid/two-factor/reset'),
      400,
      'VALIDATION_FAILED',
    );
    expect(await settledFingerprint(t)).toEqual(before);
    expect(await memberRow(member)).toMatchObject({ twoFactorEnabled: true });
  });

  it('removes the factor, ends the member’s sessions, audits it, and the password alone signs in', async () => {
    const reset = expectStatus(await admin.client.post<OrgMemberDto>(resetPath(member)), 200);
    expect(reset).toMatchObject({ id: member.me.id, twoFactorEnabled: false });
    expect(await memberRow(member)).toMatchObject({ twoFactorEnabled: false });

    const me = await member.client.get<ErrorBody>('/me');
    expect(me.status).toBe(401);
    expect(me.body.error.code).toBe('SESSION_REVOKED');

    const fresh = t.client();
    const login = expectStatus(await fresh.login(member.email, PASSWORD), 200) as AuthTokens;
    expect(login).toHaveProperty('accessToken');
    expect(login).not.toHaveProperty('mfaRequired', true);

    const audit: Array<{ actor_user_id: string; target_id: string }> = await t.db.query(
      "SELECT actor_user_id, target_id FROM audit_log WHERE action = 'auth.mfa-reset'",
    );
    expect(audit).toEqual([{ actor_user_id: admin.me.id, target_id: member.me.id }]);
    const left: Array<{ n: number }> = await t.db.query(
      `SELECT (SELECT count(*) FROM user_totp WHERE user_id = $1)::int
            + (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1)::int AS n`,
      [member.me.id],
    );
    expect(left[0].n).toBe(0);
  });

  it('answers 409 when the member has no second factor', async () => {
    expectError(await admin.client.post(resetPath(colleague)), 409, 'CONFLICT');
  });
});
