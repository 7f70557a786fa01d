import { z } from 'zod';
import { passwordProblems, PASSWORD_MAX_LENGTH } from '@coalesce/domain';
import { trimmed } from './common.js';
import { organizationInputSchema } from './organizations.js';
import type { OrgRole } from '@coalesce/domain';
import type { MeTwoFactor } from './two-factor.js';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { message: 'Email must be at most 254 characters.' })
  .pipe(z.email({ message: 'Enter a valid email address.' }));

const passwordField = z.string().max(PASSWORD_MAX_LENGTH + 1);

/** Adds the password policy's messages to the `password` field. */
function checkPassword(
  value: { password: string; email?: string; name?: string },
  ctx: z.RefinementCtx,
) {
  for (const message of passwordProblems(value.password, value)) {
    ctx.addIssue({ code: 'custom', path: ['password'], message });
  }
}

/**
 * Sign up. Either join an organization with an invite token, or create a new organization
 * (the new user becomes its admin).
 */
export const registerSchema = z
  .object({
    email: emailSchema,
    name: trimmed(1, 120, 'Name'),
    password: passwordField,
    inviteToken: z.string().min(10).max(200).optional(),
    organization: organizationInputSchema.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkPassword(value, ctx);
    if (!value.inviteToken && !value.organization) {
      ctx.addIssue({
        code: 'custom',
        path: ['organization'],
        message: 'Create an organization or use an invitation link.',
      });
    }
    if (value.inviteToken && value.organization) {
      ctx.addIssue({
        code: 'custom',
        path: ['organization'],
        message: 'An invitation already names your organization.',
      });
    }
  });
export type RegisterInput = z.infer<typeof registerSchema>;

export const loginSchema = z
  .object({
    email: emailSchema,
    password: z
      .string()
      .min(1, { message: 'Password is required.' })
      .max(PASSWORD_MAX_LENGTH + 1),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1)
      .max(PASSWORD_MAX_LENGTH + 1),
    password: passwordField,
  })
  .strict()
  .superRefine((value, ctx) => checkPassword(value, ctx));
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export interface AuthTokens {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface MeDto {
  id: string;
  email: string;
  name: string;
  orgRole: OrgRole;
  organization: { id: string; name: string; slug: string };
  coalitions: Array<{
    id: string;
    name: string;
    slug: string;
    role: import('@coalesce/domain').CoalitionRole;
  }>;
  createdAt: string;
  twoFactor: MeTwoFactor;
}

export interface SessionDto {
  id: string;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export const profileUpdateSchema = z.object({ name: trimmed(1, 120, 'Name') }).strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
