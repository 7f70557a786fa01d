import { z } from 'zod';
import { COALITION_ROLES } from '@coalesce/domain';
import type { CoalitionRole } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';
import { slugSchema } from './organizations.js';
import { INVITE_TTL_DAYS_DEFAULT, INVITE_TTL_DAYS_MAX } from '../limits.js';

export const coalitionCreateSchema = z
  .object({
    name: trimmed(2, 120, 'Coalition name'),
    slug: slugSchema.optional(),
    description: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();
export type CoalitionCreate = z.infer<typeof coalitionCreateSchema>;

export const coalitionUpdateSchema = coalitionCreateSchema.omit({ slug: true }).partial().strict();
export type CoalitionUpdate = z.infer<typeof coalitionUpdateSchema>;

export const coalitionInviteCreateSchema = z
  .object({
    organizationId: uuidSchema,
    role: z.enum(COALITION_ROLES).default('member'),
    ttlDays: z.number().int().min(1).max(INVITE_TTL_DAYS_MAX).default(INVITE_TTL_DAYS_DEFAULT),
  })
  .strict();
export type CoalitionInviteCreate = z.infer<typeof coalitionInviteCreateSchema>;

export const inviteTokenSchema = z.object({ token: z.string().min(10).max(200) }).strict();

export const coalitionMemberRoleSchema = z.object({ role: z.enum(COALITION_ROLES) }).strict();

export const coalitionMemberParamsSchema = z.object({ id: uuidSchema, orgId: uuidSchema }).strict();

export interface CoalitionDto {
  id: string;
  name: string;
  slug: string;
  description: string | null;
  createdAt: string;
  /** The caller's organization's role in this coalition. */
  role: CoalitionRole;
  memberCount: number;
}

export interface CoalitionMemberDto {
  organization: { id: string; name: string; slug: string; country: string };
  role: CoalitionRole;
  joinedAt: string;
}

export interface CoalitionInviteDto {
  id: string;
  coalition: { id: string; name: string };
  organization: { id: string; name: string };
  role: CoalitionRole;
  expiresAt: string;
  createdAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
  token?: string;
}

export const coalitionInviteParamsSchema = z
  .object({ id: uuidSchema, inviteId: uuidSchema })
  .strict();
