import { Secret, TOTP } from 'otpauth';
import type {
  AuthTokens,
  MfaChallengeDto,
  RecoveryCodesDto,
  TwoFactorEnrolmentDto,
} from '@coalesce/protocol';
import type { ApiClient } from './api-client.js';
import { expectStatus } from './expect.js';
import type { Actor } from './fixtures.js';
import { PASSWORD } from './fixtures.js';

/**
 * The code an authenticator app shows for `secret`, `steps` time steps from now (computed here
 * with the otpauth library, independently of the server). Every accepted code burns its step, so
 * a test that needs a second code uses the next step's (the server accepts one step ahead).
 */
export function totpAt(secret: string, steps = 0): string {
  return new TOTP({
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  }).generate({ timestamp: Date.now() + steps * 30_000 });
}

export interface Enrolled {
  secret: string;
  recoveryCodes: string[];
  /** The code that confirmed the enrolment (spent: refused from then on). */
  enrolmentCode: string;
}

/** Turns two-factor on for the actor (who signed in moments ago), with the current code. */
export async function enrolTwoFactor(actor: Actor): Promise<Enrolled> {
  const started = expectStatus(
    await actor.client.post<TwoFactorEnrolmentDto>('/auth/mfa/enrolment'),
    201,
  );
  const enrolmentCode = totpAt(started.secret);
  const confirmed = expectStatus(
    await actor.client.post<RecoveryCodesDto>('/auth/mfa/enrolment/confirm', {
      code: enrolmentCode,
    }),
    200,
  );
  return { secret: started.secret, recoveryCodes: confirmed.recoveryCodes, enrolmentCode };
}

/** The first step of a sign-in for an account with two-factor on: the challenge. */
export async function passwordStep(client: ApiClient, email: string): Promise<MfaChallengeDto> {
  const res = await client.post<MfaChallengeDto>('/auth/login', { email, password: PASSWORD });
  const body = expectStatus(res, 200);
  if (!body.mfaRequired) throw new Error(`expected a challenge, got ${JSON.stringify(body)}`);
  return body;
}

/** Both steps; leaves the client signed in (token and refresh cookie). */
export async function signInWithCode(
  client: ApiClient,
  email: string,
  code: string,
): Promise<void> {
  const { challengeToken } = await passwordStep(client, email);
  const tokens = expectStatus(
    await client.post<AuthTokens>('/auth/mfa/verify', { challengeToken, code }),
    200,
  );
  client.token = tokens.accessToken;
}
