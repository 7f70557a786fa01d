import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { MeDto, ReauthDto, RecoveryCodesDto } from '@coalesce/protocol';
import { LoginRateLimiter } from '../src/core/auth/login-rate-limiter.js';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { PASSWORD, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { enrolTwoFactor, passwordStep, totpAt } from './support/two-factor.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterEach(() => {
  t.app.get(LoginRateLimiter).reset();
});
afterAll(async () => {
  await t?.close();
});

/** As if the actor signed in (or last re-authenticated) six minutes ago. */
async function ageSession(actor: Actor): Promise<void> {
  await t.db.query(
    "UPDATE sessions SET authenticated_at = now() - interval '6 minutes' WHERE user_id = $1",
    [actor.me.id],
  );
}

async function actions(userId: string): Promise<string[]> {
  const rows: Array<{ action: string }> = await t.db.query(
    'SELECT action FROM audit_log WHERE actor_user_id = $1 ORDER BY id',
    [userId],
  );
  return rows.map((r) => r.action);
}

describe('re-authentication before sensitive changes', () => {
  it('allows them right after signing in, and refuses them 5 minutes later with REAUTH_REQUIRED', async () => {
    const kim = await signUpOrg(t, 'kim');
    expectStatus(
      await kim.client.post('/auth/password', {
        currentPassword: PASSWORD,
        password: 'a-new-and-long-passphrase-1',
      }),
      204,
    );
    await ageSession(kim);
    const before = await settledFingerprint(t);
    for (const [method, path, body] of [
      [
        'POST',
        '/auth/password',
        { currentPassword: 'a-new-and-long-passphrase-1', password: 'another-long-passphrase-2' },
      ],
      [
        'PATCH',
        '/me/email',
        { email: 'kim.new@example.org', currentPassword: 'a-new-and-long-passphrase-1' },
      ],
      ['POST', '/auth/mfa/enrolment', undefined],
      ['POST', '/auth/mfa/enrolment/confirm', { code: '123456' }],
      ['POST', '/auth/mfa/recovery-codes', undefined],
      ['DELETE', '/auth/mfa', undefined],
    ] as const) {
      const res = await kim.client.request(
        method,
        path,
        body ?? (method === 'DELETE' ? undefined : {}),
      );
      expect({
        path,
        status: res.status,
        code: (res.body as { error?: { code: string } }).error?.code,
      }).toEqual({
        path,
        status: 403,
        code: 'REAUTH_REQUIRED',
      });
    }
    expect(await settledFingerprint(t)).toEqual(before);
    // Everything else goes on as usual.
    expectStatus(await kim.client.get('/auth/sessions'), 200);
  });

  it('takes the password back (wrong ones are refused and logged) and then allows the change', async () => {
    const lou = await signUpOrg(t, 'lou');
    await ageSession(lou);
    const wrong = expectError(
      await lou.client.post('/auth/reauth', { password: 'not-my-password' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrong.error.fields).toEqual([
      { path: 'password', message: 'The password is not correct.' },
    ]);
    expectError(await lou.client.post('/auth/reauth', {}), 400, 'VALIDATION_FAILED');
    expectError(await lou.client.post('/auth/mfa/enrolment'), 403, 'REAUTH_REQUIRED');

    const ok = expectStatus(
      await lou.client.post<ReauthDto>('/auth/reauth', { password: PASSWORD }),
      200,
    );
    expect(Date.parse(ok.validUntil) - Date.parse(ok.authenticatedAt)).toBe(300_000);
    expectStatus(await lou.client.post('/auth/mfa/enrolment'), 201);
    expect(await actions(lou.me.id)).toEqual(
      expect.arrayContaining(['auth.reauth-failed', 'auth.reauthenticated']),
    );
  });

  it('asks for a code as well when two-factor is on, and refuses a replayed one', async () => {
    const max = await signUpOrg(t, 'max');
    const { secret, recoveryCodes, enrolmentCode } = await enrolTwoFactor(max);
    await ageSession(max);

    const noCode = expectError(
      await max.client.post('/auth/reauth', { password: PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noCode.error.fields?.[0]?.path).toBe('code');
    // The enrolment code was spent: refused as a replay.
    const replay = expectError(
      await max.client.post('/auth/reauth', { password: PASSWORD, code: enrolmentCode }),
      400,
      'VALIDATION_FAILED',
    );
    expect(replay.error.fields).toEqual([{ path: 'code', message: 'That code is not correct.' }]);
    expectError(await max.client.post('/auth/mfa/recovery-codes'), 403, 'REAUTH_REQUIRED');

    expectStatus(
      await max.client.post('/auth/reauth', { password: PASSWORD, code: totpAt(secret, 1) }),
      200,
    );
    const fresh = expectStatus(
      await max.client.post<RecoveryCodesDto>('/auth/mfa/recovery-codes'),
      200,
    );
    expect(fresh.recoveryCodes).toHaveLength(10);

    // A recovery code works for re-authentication too (a lost phone), once.
    await ageSession(max);
    expectError(
      await max.client.post('/auth/reauth', { password: PASSWORD, code: recoveryCodes[0] }),
      400,
      'VALIDATION_FAILED',
    ); // replaced by the regeneration
    expectStatus(
      await max.client.post('/auth/reauth', { password: PASSWORD, code: fresh.recoveryCodes[0] }),
      200,
    );
    expectStatus(await max.client.delete('/auth/mfa'), 204);
    const failures: Array<{ details: Record<string, unknown> }> = await t.db.query(
      "SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'auth.mfa-failed' ORDER BY id",
      [max.me.id],
    );
    expect(failures.map((f) => f.details)).toEqual([
      { stage: 'reauth', method: 'totp', reason: 'replayed' },
      { stage: 'reauth', method: 'recovery-code', reason: 'wrong-code' },
    ]);
  });

  it('rate-limits wrong re-authentication attempts', async () => {
    const ned = await signUpOrg(t, 'ned');
    for (let i = 0; i < 5; i++) {
      expectError(
        await ned.client.post('/auth/reauth', { password: `wrong-${i}` }),
        400,
        'VALIDATION_FAILED',
      );
    }
    expectError(await ned.client.post('/auth/reauth', { password: PASSWORD }), 429, 'RATE_LIMITED');
  });

  it('does not refresh the re-authentication when tokens are refreshed', async () => {
    const ora = await signUpOrg(t, 'ora');
    await ageSession(ora);
    expectStatus(await ora.client.refresh(), 200);
    expectError(
      await ora.client.post('/auth/password', {
        currentPassword: PASSWORD,
        password: 'a-new-and-long-passphrase-1',
      }),
      403,
      'REAUTH_REQUIRED',
    );
  });
});

describe('changing the email address', () => {
  it('checks the password and the address, then changes it; sign-in uses the new one', async () => {
    const pia = await signUpOrg(t, 'pia');
    const taken = await signUpOrg(t, 'taken');
    const newEmail = `pia-new-${Date.now()}@example.org`;

    const before = await settledFingerprint(t);
    const wrongPassword = expectError(
      await pia.client.patch('/me/email', { email: newEmail, currentPassword: 'nope-nope' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongPassword.error.fields?.[0]?.path).toBe('currentPassword');
    const conflict = expectError(
      await pia.client.patch('/me/email', {
        email: taken.email.toUpperCase(),
        currentPassword: PASSWORD,
      }),
      409,
      'CONFLICT',
    );
    expect(conflict.error.fields?.[0]?.path).toBe('email');
    expectError(
      await pia.client.patch('/me/email', { email: pia.email, currentPassword: PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    const invalid = expectError(
      await pia.client.patch('/me/email', { email: 'not-an-email', currentPassword: PASSWORD }),
      400,
      'VALIDATION_FAILED',
    );
    expect(invalid.error.fields?.[0]?.path).toBe('email');
    expect(await settledFingerprint(t)).toEqual(before);

    const me = expectStatus(
      await pia.client.patch<MeDto>('/me/email', {
        email: `  ${newEmail.toUpperCase()} `,
        currentPassword: PASSWORD,
      }),
      200,
    );
    expect(me.email).toBe(newEmail);
    const [entry] = await t.db.query(
      "SELECT details FROM audit_log WHERE actor_user_id = $1 AND action = 'user.email-changed'",
      [pia.me.id],
    );
    expect(entry.details).toEqual({ from: pia.email, to: newEmail });
    expectError(
      await t.client().post('/auth/login', { email: pia.email, password: PASSWORD }),
      401,
      'INVALID_CREDENTIALS',
    );
    const client = t.client();
    expectStatus(await client.login(newEmail, PASSWORD), 200);
    expect((await client.me()).id).toBe(pia.me.id);
  });

  it('needs the code as well for an account with two-factor on, once the sign-in is old', async () => {
    const quinn = await signUpOrg(t, 'quinn');
    const { secret } = await enrolTwoFactor(quinn);
    await ageSession(quinn);
    const newEmail = `quinn-new-${Date.now()}@example.org`;
    const body = { email: newEmail, currentPassword: PASSWORD };
    expectError(await quinn.client.patch('/me/email', body), 403, 'REAUTH_REQUIRED');
    expectStatus(
      await quinn.client.post('/auth/reauth', { password: PASSWORD, code: totpAt(secret, 1) }),
      200,
    );
    expect(expectStatus(await quinn.client.patch<MeDto>('/me/email', body), 200).email).toBe(
      newEmail,
    );
    // Signing in with the new address still asks for the second factor.
    const challenge = await passwordStep(t.client(), newEmail);
    expect(challenge.mfaRequired).toBe(true);
  });
});
