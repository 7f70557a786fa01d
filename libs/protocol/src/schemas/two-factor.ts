import { z } from 'zod';
import { PASSWORD_MAX_LENGTH } from '@coalesce/domain';
import type { AuthTokens } from './auth.js';
import { emailSchema } from './auth.js';

/** TOTP as authenticator apps speak it (RFC 6238): HMAC-SHA-1, 6 digits, a new code every 30 s. */
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** Recovery codes handed out at enrolment (and on regeneration); each works once. */
export const RECOVERY_CODE_COUNT = 10;
/** How long a sign-in may wait between the password and the second factor. */
export const MFA_CHALLENGE_TTL_SECONDS = 5 * 60;
/** Wrong codes one sign-in challenge survives; then the password has to be entered again. */
export const MFA_CHALLENGE_MAX_ATTEMPTS = 5;
/** Changing the email, password or second factor needs a (re-)authentication this recent. */
export const REAUTH_WINDOW_SECONDS = 5 * 60;

/**
 * A code typed by a person: a 6-digit TOTP code ("123 456" is fine) or a recovery code
 * ("k7pq-m2xw-9rtd", any case). The server tells them apart.
 */
export const secondFactorCodeSchema = z
  .string()
  .trim()
  .min(6, { message: 'Enter the 6-digit code from your authenticator app, or a recovery code.' })
  .max(40, { message: 'That code is too long.' });

/** A 6-digit code from the authenticator app (spaces are ignored). */
export const totpCodeSchema = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(
    z.string().regex(/^\d{6}$/, { message: 'Enter the 6-digit code from your authenticator app.' }),
  );

/** Second step of a sign-in: the challenge from POST /auth/login and a code. */
export const mfaVerifySchema = z
  .object({
    challengeToken: z.string().min(20).max(200),
    code: secondFactorCodeSchema,
  })
  .strict();
export type MfaVerifyInput = z.infer<typeof mfaVerifySchema>;

/** Ends enrolment: proves the app holds the new secret. */
export const mfaConfirmSchema = z.object({ code: totpCodeSchema }).strict();
export type MfaConfirmInput = z.infer<typeof mfaConfirmSchema>;

/** Proves again who is at the keyboard: the password, and a code when two-factor is on. */
export const reauthSchema = z
  .object({
    password: z
      .string()
      .min(1, { message: 'Password is required.' })
      .max(PASSWORD_MAX_LENGTH + 1),
    code: secondFactorCodeSchema.optional(),
  })
  .strict();
export type ReauthInput = z.infer<typeof reauthSchema>;

export const changeEmailSchema = z
  .object({
    email: emailSchema,
    currentPassword: z
      .string()
      .min(1, { message: 'Password is required.' })
      .max(PASSWORD_MAX_LENGTH + 1),
  })
  .strict();
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

export const orgSecurityUpdateSchema = z.object({ requireTwoFactor: z.boolean() }).strict();
export type OrgSecurityUpdate = z.infer<typeof orgSecurityUpdateSchema>;

/** POST /auth/login for an account with two-factor on: no tokens yet, a challenge to answer. */
export interface MfaChallengeDto {
  mfaRequired: true;
  /** Opaque; send it to POST /auth/mfa/verify with a code. */
  challengeToken: string;
  /** Seconds until the challenge expires. */
  expiresIn: number;
}

/** What POST /auth/login answers: tokens, or a second-factor challenge. */
export type LoginResponse = AuthTokens | MfaChallengeDto;

export function isMfaChallenge(response: LoginResponse): response is MfaChallengeDto {
  return (response as Partial<MfaChallengeDto>).mfaRequired === true;
}

/** The caller's second factor (GET /auth/mfa). */
export interface TwoFactorStatusDto {
  enabled: boolean;
  enabledAt: string | null;
  /** Enrolment started (a secret exists) but no code confirmed it yet. */
  pendingEnrolment: boolean;
  /** Unused recovery codes left (0 when off). */
  recoveryCodesLeft: number;
  /** The caller's organization requires two-factor of its members. */
  requiredByOrganization: boolean;
}

/** POST /auth/mfa/enrolment: the new secret, to scan as a QR code or type in. */
export interface TwoFactorEnrolmentDto {
  /** Base32, as authenticator apps take it when typed. */
  secret: string;
  /** otpauth://totp/... (the QR code's content). */
  otpauthUri: string;
  issuer: string;
  accountName: string;
  digits: number;
  periodSeconds: number;
}

/** Shown once: after enrolment and after regeneration. Only hashes are stored. */
export interface RecoveryCodesDto {
  recoveryCodes: string[];
}

/** POST /auth/reauth: the session counts as freshly authenticated until `validUntil`. */
export interface ReauthDto {
  authenticatedAt: string;
  validUntil: string;
}

/** An organization's security settings (GET/PUT /organizations/:id/security). */
export interface OrgSecuritySettingsDto {
  organizationId: string;
  requireTwoFactor: boolean;
  /** Active members of the organization who have not turned two-factor on. */
  membersWithoutTwoFactor: number;
}

/** The caller's second factor, as GET /me carries it. */
export interface MeTwoFactor {
  enabled: boolean;
  requiredByOrganization: boolean;
  /** Required by the organization but not on yet: only enrolment and sign-out are open. */
  enrolmentRequired: boolean;
}
