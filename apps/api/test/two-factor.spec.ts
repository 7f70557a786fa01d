import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { URI } from 'otpauth';
import type { TOTP } from 'otpauth';
import type {
  AuthTokens,
  MeDto,
  MfaChallengeDto,
  RecoveryCodesDto,
  TwoFactorEnrolmentDto,
  TwoFactorStatusDto,
} from '@coalesce/protocol';
import { LoginRateLimiter } from '../src/core/auth/login-rate-limiter.js';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import { PASSWORD, signUpOrg } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { enrolTwoFactor, passwordStep, signInWithCode, totpAt } from './support/two-factor.js';

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

async function auditOf(userId: string, action: string) {
  return (await t.db.query(
    'SELECT details, ip FROM audit_log WHERE actor_user_id = $1 AND action = $2 ORDER BY id',
    [userId, action],
  )) as Array<{ details: Record<string, unknown>; ip: string | null }>;
}

describe('two-factor enrolment', () => {
  it('creates a secret, confirms it with a code, and hands out 10 recovery codes once', async () => {
    const ana = await signUpOrg(t, 'ana');
    const before = expectStatus(await ana.client.get<TwoFactorStatusDto>('/auth/mfa'), 200);
    expect(before).toEqual({
      enabled: false,
      enabledAt: null,
      pendingEnrolment: false,
      recoveryCodesLeft: 0,
      requiredByOrganization: false,
    });

    const started = expectStatus(
      await ana.client.post<TwoFactorEnrolmentDto>('/auth/mfa/enrolment'),
      201,
    );
    expect(started).toMatchObject({
      issuer: 'Coalesce',
      accountName: ana.email,
      digits: 6,
      periodSeconds: 30,
    });
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    const parsed = URI.parse(started.otpauthUri) as TOTP;
    expect(parsed.secret.base32).toBe(started.secret);
    expect(parsed.algorithm).toBe('SHA1');
    expect(
      expectStatus(await ana.client.get<TwoFactorStatusDto>('/auth/mfa'), 200).pendingEnrolment,
    ).toBe(true);

    // The secret is stored encrypted, never as given to the user.
    const [row] = await t.db.query(
      'SELECT secret_sealed, confirmed_at FROM user_totp WHERE user_id = $1',
      [ana.me.id],
    );
    expect(row.confirmed_at).toBeNull();
    expect(row.secret_sealed).not.toContain(started.secret);
    expect(row.secret_sealed).toMatch(/^v1\./);

    // A wrong code is refused (and logged); two-factor stays off.
    const wrong = String((Number(totpAt(started.secret)) + 1) % 1_000_000).padStart(6, '0');
    const refused = expectError(
      await ana.client.post('/auth/mfa/enrolment/confirm', { code: wrong }),
      400,
      'VALIDATION_FAILED',
    );
    expect(refused.error.fields?.[0]?.path).toBe('code');
    expect((await auditOf(ana.me.id, 'auth.mfa-failed'))[0]?.details).toMatchObject({
      stage: 'enrolment',
      reason: 'wrong-code',
    });
    expectError(
      await ana.client.post('/auth/mfa/enrolment/confirm', { code: 'abc' }),
      400,
      'VALIDATION_FAILED',
    );

    const confirmed = expectStatus(
      await ana.client.post<RecoveryCodesDto>('/auth/mfa/enrolment/confirm', {
        code: totpAt(started.secret),
      }),
      200,
    );
    expect(confirmed.recoveryCodes).toHaveLength(10);
    expect(new Set(confirmed.recoveryCodes).size).toBe(10);
    for (const code of confirmed.recoveryCodes) expect(code).toMatch(/^\w{4}-\w{4}-\w{4}$/);

    const after = expectStatus(await ana.client.get<TwoFactorStatusDto>('/auth/mfa'), 200);
    expect(after).toMatchObject({ enabled: true, pendingEnrolment: false, recoveryCodesLeft: 10 });
    expect(Date.parse(after.enabledAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect((await ana.client.me()).twoFactor).toEqual({
      enabled: true,
      requiredByOrganization: false,
      enrolmentRequired: false,
    });

    // Recovery codes are stored as keyed hashes only.
    const stored: Array<{ code_hash: string }> = await t.db.query(
      'SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1',
      [ana.me.id],
    );
    expect(stored).toHaveLength(10);
    const hashes = stored.map((r) => r.code_hash).join(' ');
    for (const code of confirmed.recoveryCodes) {
      expect(hashes).not.toContain(code);
      expect(hashes).not.toContain(code.replace(/-/g, ''));
    }
    expect(await auditOf(ana.me.id, 'auth.mfa-enabled')).toHaveLength(1);

    // Once on, enrolment cannot start over (that would replace the secret) nor confirm again.
    expectError(await ana.client.post('/auth/mfa/enrolment'), 409, 'CONFLICT');
    expectError(
      await ana.client.post('/auth/mfa/enrolment/confirm', { code: totpAt(started.secret, 1) }),
      409,
      'CONFLICT',
    );
  });

  it('refuses to confirm without a started enrolment', async () => {
    const ben = await signUpOrg(t, 'ben');
    expectError(
      await ben.client.post('/auth/mfa/enrolment/confirm', { code: '123456' }),
      409,
      'CONFLICT',
    );
    expectError(await ben.client.delete('/auth/mfa'), 409, 'CONFLICT');
    expectError(await ben.client.post('/auth/mfa/recovery-codes'), 409, 'CONFLICT');
  });
});

describe('signing in with two-factor on', () => {
  it('answers the password with a challenge, and the challenge plus a code with tokens', async () => {
    const cai = await signUpOrg(t, 'cai');
    const { secret } = await enrolTwoFactor(cai);

    const laptop = t.client();
    const login = await laptop.post<MfaChallengeDto & Partial<AuthTokens>>('/auth/login', {
      email: cai.email,
      password: PASSWORD,
    });
    const challenge = expectStatus(login, 200);
    expect(challenge).toEqual({
      mfaRequired: true,
      challengeToken: expect.any(String),
      expiresIn: 300,
    });
    expect(login.body.accessToken).toBeUndefined();
    expect(laptop.refreshCookie).toBeNull();
    expect(
      await t.db.query('SELECT 1 FROM mfa_challenges WHERE token_hash = $1', [
        challenge.challengeToken,
      ]),
    ).toEqual([]); // stored hashed

    // A wrong password still says only that the credentials are wrong.
    expectError(
      await t.client().post('/auth/login', { email: cai.email, password: 'not-the-password' }),
      401,
      'INVALID_CREDENTIALS',
    );

    // The code the enrolment used is spent; the next one works.
    const code = totpAt(secret, 1);
    const wrong = expectError(
      await laptop.post('/auth/mfa/verify', {
        challengeToken: challenge.challengeToken,
        code: code === '000000' ? '111111' : '000000',
      }),
      401,
      'MFA_CODE_INVALID',
    );
    expect(wrong.error.details).toEqual({ attemptsLeft: 4 });
    const verified = expectStatus(
      await laptop.post<AuthTokens>('/auth/mfa/verify', {
        challengeToken: challenge.challengeToken,
        code: `${code.slice(0, 3)} ${code.slice(3)}`,
      }),
      200,
    );
    expect(verified.expiresIn).toBeGreaterThan(0);
    expect(laptop.refreshCookie).toBeTruthy();
    laptop.token = verified.accessToken;
    expect((await laptop.me()).id).toBe(cai.me.id);
    expectStatus(await laptop.refresh(), 200);

    // The challenge opened one session; it cannot open another.
    expectError(
      await t.client().post('/auth/mfa/verify', {
        challengeToken: challenge.challengeToken,
        code: totpAt(secret, 1),
      }),
      401,
      'MFA_CHALLENGE_EXPIRED',
    );

    const logins = await auditOf(cai.me.id, 'auth.login');
    expect(logins.at(-1)?.details).toEqual({ secondFactor: 'totp' });
    const failures = await auditOf(cai.me.id, 'auth.mfa-failed');
    expect(failures.at(-1)?.details).toEqual({
      stage: 'sign-in',
      method: 'totp',
      reason: 'wrong-code',
    });
  });

  it('refuses a code that was already accepted (replay), even with a new challenge', async () => {
    const dee = await signUpOrg(t, 'dee');
    const { secret, enrolmentCode } = await enrolTwoFactor(dee);
    const code = totpAt(secret, 1);
    await signInWithCode(t.client(), dee.email, code);

    const attacker = t.client();
    const { challengeToken } = await passwordStep(attacker, dee.email);
    expectError(
      await attacker.post('/auth/mfa/verify', { challengeToken, code }),
      401,
      'MFA_CODE_INVALID',
    );
    // The code of the enrolment itself (an older step) is refused as well.
    expectError(
      await attacker.post('/auth/mfa/verify', { challengeToken, code: enrolmentCode }),
      401,
      'MFA_CODE_INVALID',
    );
    expect(attacker.refreshCookie).toBeNull();
    const reasons = (await auditOf(dee.me.id, 'auth.mfa-failed')).map((a) => a.details.reason);
    expect(reasons).toContain('replayed');
  });

  it('accepts each recovery code once, however it is typed', async () => {
    const eli = await signUpOrg(t, 'eli');
    const { recoveryCodes } = await enrolTwoFactor(eli);
    const [first] = recoveryCodes;

    const phone = t.client();
    await signInWithCode(phone, eli.email, ` ${first.toUpperCase().replace(/-/g, ' ')} `);
    expect((await phone.me()).id).toBe(eli.me.id);
    expect((await auditOf(eli.me.id, 'auth.login')).at(-1)?.details).toEqual({
      secondFactor: 'recovery-code',
    });
    expect((await auditOf(eli.me.id, 'auth.mfa-recovery-code-used'))[0]?.details).toEqual({
      stage: 'sign-in',
      recoveryCodesLeft: 9,
    });
    expect(
      expectStatus(await phone.get<TwoFactorStatusDto>('/auth/mfa'), 200).recoveryCodesLeft,
    ).toBe(9);

    const again = t.client();
    const { challengeToken } = await passwordStep(again, eli.email);
    expectError(
      await again.post('/auth/mfa/verify', { challengeToken, code: first }),
      401,
      'MFA_CODE_INVALID',
    );
    expectError(
      await again.post('/auth/mfa/verify', { challengeToken, code: 'zzzz-zzzz-zzzz' }),
      401,
      'MFA_CODE_INVALID',
    );
    const reasons = (await auditOf(eli.me.id, 'auth.mfa-failed')).map((a) => a.details);
    expect(reasons).toEqual([
      { stage: 'sign-in', method: 'recovery-code', reason: 'used-before' },
      { stage: 'sign-in', method: 'recovery-code', reason: 'wrong-code' },
    ]);
    // Another code still works.
    expectStatus(
      await again.post('/auth/mfa/verify', { challengeToken, code: recoveryCodes[1] }),
      200,
    );
  });

  it('ends a challenge after 5 wrong codes and rate-limits the account', async () => {
    const fay = await signUpOrg(t, 'fay');
    const { secret } = await enrolTwoFactor(fay);
    const client = t.client();
    const { challengeToken } = await passwordStep(client, fay.email);
    const good = totpAt(secret, 1);
    const bad = good === '999999' ? '888888' : '999999';
    for (let i = 0; i < 4; i++) {
      expectError(
        await client.post('/auth/mfa/verify', { challengeToken, code: bad }),
        401,
        'MFA_CODE_INVALID',
      );
    }
    expectError(
      await client.post('/auth/mfa/verify', { challengeToken, code: bad }),
      401,
      'MFA_CHALLENGE_EXPIRED',
    );
    // Spent: even the right code does not open a session with it.
    expectError(
      await client.post('/auth/mfa/verify', { challengeToken, code: good }),
      401,
      'MFA_CHALLENGE_EXPIRED',
    );
    // The account has had 5 failures in the window: a new challenge is refused with 429.
    const fresh = await passwordStep(client, fay.email);
    const limited = expectError(
      await client.post('/auth/mfa/verify', { challengeToken: fresh.challengeToken, code: good }),
      429,
      'RATE_LIMITED',
    );
    expect(limited.error.retryAfter).toBeGreaterThan(0);
    expect(client.refreshCookie).toBeNull();
    expect(await auditOf(fay.me.id, 'auth.mfa-failed')).toHaveLength(5);
  });

  it('refuses unknown or malformed challenges and changes nothing', async () => {
    const before = await settledFingerprint(t);
    expectError(
      await t.client().post('/auth/mfa/verify', { challengeToken: 'x'.repeat(43), code: '123456' }),
      401,
      'MFA_CHALLENGE_EXPIRED',
    );
    const invalid = expectError(
      await t.client().post('/auth/mfa/verify', { challengeToken: 'short', code: '1' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(invalid.error.fields?.map((f) => f.path).sort()).toEqual(['challengeToken', 'code']);
    expectError(
      await t.client().post('/auth/mfa/verify', {
        challengeToken: 'x'.repeat(43),
        code: '123456',
        extra: true,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('lets a user without two-factor sign in with the password alone, as before', async () => {
    const gus = await signUpOrg(t, 'gus');
    const client = t.client();
    const res = await client.login(gus.email, PASSWORD);
    expect(expectStatus(res, 200)).toEqual({
      accessToken: expect.any(String),
      expiresIn: expect.any(Number),
    });
    expect((await client.me()).twoFactor).toEqual({
      enabled: false,
      requiredByOrganization: false,
      enrolmentRequired: false,
    });
  });
});

describe('recovery codes and turning two-factor off', () => {
  it('regenerates the recovery codes (the old ones stop working) and turns off', async () => {
    const hal = await signUpOrg(t, 'hal');
    const { recoveryCodes } = await enrolTwoFactor(hal);
    const fresh = expectStatus(
      await hal.client.post<RecoveryCodesDto>('/auth/mfa/recovery-codes'),
      200,
    );
    expect(fresh.recoveryCodes).toHaveLength(10);
    expect(fresh.recoveryCodes.filter((c) => recoveryCodes.includes(c))).toEqual([]);
    expect(await auditOf(hal.me.id, 'auth.mfa-recovery-codes-regenerated')).toHaveLength(1);

    const client = t.client();
    const { challengeToken } = await passwordStep(client, hal.email);
    expectError(
      await client.post('/auth/mfa/verify', { challengeToken, code: recoveryCodes[0] }),
      401,
      'MFA_CODE_INVALID',
    );
    expectStatus(
      await client.post('/auth/mfa/verify', { challengeToken, code: fresh.recoveryCodes[0] }),
      200,
    );

    expectStatus(await hal.client.delete('/auth/mfa'), 204);
    expect(await auditOf(hal.me.id, 'auth.mfa-disabled')).toHaveLength(1);
    expect(
      await t.db.query(
        `SELECT (SELECT count(*) FROM user_totp WHERE user_id = $1)::int AS secrets,
                (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1)::int AS codes`,
        [hal.me.id],
      ),
    ).toEqual([{ secrets: 0, codes: 0 }]);
    // The password alone signs in again.
    const after = await t.client().login(hal.email, PASSWORD);
    expect((after.body as AuthTokens).accessToken).toEqual(expect.any(String));
  });

  it('keeps each user’s secret to themselves: a code for one account does not open another', async () => {
    const ida = await signUpOrg(t, 'ida');
    const jon = await signUpOrg(t, 'jon');
    const idaSecret = (await enrolTwoFactor(ida)).secret;
    const jonSecret = (await enrolTwoFactor(jon)).secret;
    expect(idaSecret).not.toBe(jonSecret);
    const client = t.client();
    const { challengeToken } = await passwordStep(client, jon.email);
    const idaCode = totpAt(idaSecret, 1);
    const jonCodes = [-1, 0, 1].map((s) => totpAt(jonSecret, s));
    if (!jonCodes.includes(idaCode)) {
      expectError(
        await client.post('/auth/mfa/verify', { challengeToken, code: idaCode }),
        401,
        'MFA_CODE_INVALID',
      );
    }
    const me = expectStatus(
      await client.post<AuthTokens>('/auth/mfa/verify', {
        challengeToken,
        code: totpAt(jonSecret, 1),
      }),
      200,
    );
    client.token = me.accessToken;
    expect((await client.get<MeDto>('/me')).body.id).toBe(jon.me.id);
  });
});
