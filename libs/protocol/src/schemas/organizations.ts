import { z } from 'zod';
import { FOCUS_AREAS, ORG_ROLES, SLUG_PATTERN } from '@coalesce/domain';
import type { FocusArea, OrgRole } from '@coalesce/domain';
import { trimmed } from './common.js';
import { INVITE_TTL_DAYS_DEFAULT, INVITE_TTL_DAYS_MAX } from '../limits.js';

export const slugSchema = z
  .string()
  .min(2)
  .max(60)
  .regex(SLUG_PATTERN, { message: 'Use lower-case letters, digits and single dashes.' });

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { message: 'Use a two-letter ISO 3166 country code, e.g. "US".' });

const websiteSchema = z
  .url({ protocol: /^https?$/, message: 'Enter a web address starting with http:// or https://.' })
  .max(300);

export const organizationInputSchema = z
  .object({
    name: trimmed(2, 120, 'Organization name'),
    slug: slugSchema.optional(),
    country: countrySchema,
    focusAreas: z.array(z.enum(FOCUS_AREAS)).max(FOCUS_AREAS.length).default([]),
    website: websiteSchema.nullable().optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type OrganizationInput = z.infer<typeof organizationInputSchema>;

/** Without the input schema's defaults: a field left out of a PATCH stays as it is. */
export const organizationUpdateSchema = organizationInputSchema
  .extend({ focusAreas: z.array(z.enum(FOCUS_AREAS)).max(FOCUS_AREAS.length) })
  .partial()
  .strict();
export type OrganizationUpdate = z.infer<typeof organizationUpdateSchema>;

export const orgInviteCreateSchema = z
  .object({
    email: z.email().optional(),
    role: z.enum(ORG_ROLES).default('member'),
    ttlDays: z.number().int().min(1).max(INVITE_TTL_DAYS_MAX).default(INVITE_TTL_DAYS_DEFAULT),
  })
  .strict();
export type OrgInviteCreate = z.infer<typeof orgInviteCreateSchema>;

export const orgMemberRoleSchema = z.object({ role: z.enum(ORG_ROLES) }).strict();

export interface OrganizationDto {
  id: string;
  name: string;
  slug: string;
  country: string;
  focusAreas: FocusArea[];
  website: string | null;
  description: string | null;
  createdAt: string;
}

export interface OrgMemberDto {
  id: string;
  name: string;
  email: string;
  orgRole: OrgRole;
  disabled: boolean;
  /** Whether the member signs in with a second factor (an admin can reset it). */
  twoFactorEnabled: boolean;
  createdAt: string;
}

export interface InviteDto {
  id: string;
  role: string;
  email: string | null;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  /** Only present in the answer to the request that created the invite. */
  token?: string;
}

export interface InvitePreviewDto {
  kind: 'organization' | 'coalition';
  name: string;
  role: string;
  expiresAt: string;
}

export const organizationSearchSchema = z
  .object({
    search: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type OrganizationSearch = z.infer<typeof organizationSearchSchema>;

export const memberParamsSchema = z
  .object({ userId: z.uuid({ message: 'Must be a UUID.' }) })
  .strict();

export const inviteTokenQuerySchema = z.object({ token: z.string().min(10).max(200) }).strict();
