import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { auditQuerySchema } from './audit.js';
import { profileUpdateSchema } from './auth.js';
import {
  coalitionCreateSchema,
  coalitionInviteCreateSchema,
  coalitionMemberRoleSchema,
  coalitionUpdateSchema,
  inviteTokenSchema,
} from './coalitions.js';
import { idParamSchema, pageQuerySchema } from './common.js';
import {
  organizationInputSchema,
  organizationSearchSchema,
  organizationUpdateSchema,
  orgInviteCreateSchema,
  orgMemberRoleSchema,
} from './organizations.js';
import { workingGroupCreateSchema, workingGroupUpdateSchema } from './working-groups.js';

const UUID = '3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b';

/** A valid input for each schema; adding one unknown key must make each of them fail. */
const VALID: Array<[string, z.ZodType, Record<string, unknown>]> = [
  ['coalitionCreateSchema', coalitionCreateSchema, { name: 'Alliance' }],
  ['coalitionUpdateSchema', coalitionUpdateSchema, { name: 'Alliance' }],
  ['coalitionInviteCreateSchema', coalitionInviteCreateSchema, { organizationId: UUID }],
  ['coalitionMemberRoleSchema', coalitionMemberRoleSchema, { role: 'observer' }],
  ['inviteTokenSchema', inviteTokenSchema, { token: 'x'.repeat(43) }],
  ['organizationInputSchema', organizationInputSchema, { name: 'Org', country: 'US' }],
  ['organizationUpdateSchema', organizationUpdateSchema, { name: 'Org' }],
  ['orgInviteCreateSchema', orgInviteCreateSchema, {}],
  ['orgMemberRoleSchema', orgMemberRoleSchema, { role: 'member' }],
  ['organizationSearchSchema', organizationSearchSchema, { search: 'x' }],
  ['workingGroupCreateSchema', workingGroupCreateSchema, { name: 'Policy' }],
  ['workingGroupUpdateSchema', workingGroupUpdateSchema, { name: 'Policy' }],
  ['auditQuerySchema', auditQuerySchema, {}],
  ['pageQuerySchema', pageQuerySchema, {}],
  ['idParamSchema', idParamSchema, { id: UUID }],
  ['profileUpdateSchema', profileUpdateSchema, { name: 'Maya' }],
];

describe('every request schema', () => {
  it.each(VALID)('%s accepts a valid input and rejects unknown keys', (_, schema, value) => {
    expect(schema.safeParse(value).success).toBe(true);
    const extra = schema.safeParse({ ...value, isAdmin: true });
    expect(extra.success).toBe(false);
    expect(extra.error?.issues).toEqual([
      expect.objectContaining({ code: 'unrecognized_keys', keys: ['isAdmin'] }),
    ]);
  });
});

describe('update schemas', () => {
  it('leave out what the PATCH does not name (no defaults from the create schema)', () => {
    expect(organizationUpdateSchema.parse({ description: 'x' })).toEqual({ description: 'x' });
    expect(workingGroupUpdateSchema.parse({ name: 'Policy' })).toEqual({ name: 'Policy' });
    expect(coalitionUpdateSchema.parse({})).toEqual({});
    // But validate what it does name, like the create schema.
    expect(organizationUpdateSchema.safeParse({ focusAreas: ['smuggling'] }).success).toBe(false);
    expect(organizationUpdateSchema.parse({ focusAreas: ['research'] })).toEqual({
      focusAreas: ['research'],
    });
    expect(workingGroupUpdateSchema.safeParse({ organizationIds: ['nope'] }).success).toBe(false);
    expect(workingGroupUpdateSchema.parse({ organizationIds: [] })).toEqual({
      organizationIds: [],
    });
    expect(coalitionUpdateSchema.safeParse({ slug: 'new-slug' }).success).toBe(false);
  });

  it('fill defaults on create', () => {
    expect(workingGroupCreateSchema.parse({ name: 'Policy' })).toEqual({
      name: 'Policy',
      organizationIds: [],
    });
    expect(coalitionInviteCreateSchema.parse({ organizationId: UUID })).toEqual({
      organizationId: UUID,
      role: 'member',
      ttlDays: 7,
    });
    expect(orgInviteCreateSchema.parse({})).toEqual({ role: 'member', ttlDays: 7 });
  });
});

describe('limits', () => {
  it('bounds invitation lifetimes to 1..30 days', () => {
    for (const schema of [orgInviteCreateSchema, coalitionInviteCreateSchema]) {
      const base = schema === orgInviteCreateSchema ? {} : { organizationId: UUID };
      expect(schema.safeParse({ ...base, ttlDays: 0 }).success).toBe(false);
      expect(schema.safeParse({ ...base, ttlDays: 31 }).success).toBe(false);
      expect(schema.safeParse({ ...base, ttlDays: 1.5 }).success).toBe(false);
      expect(schema.safeParse({ ...base, ttlDays: 30 }).success).toBe(true);
    }
  });

  it('coerces and bounds page sizes from query strings', () => {
    expect(pageQuerySchema.parse({ limit: '10' })).toEqual({ limit: 10 });
    expect(pageQuerySchema.safeParse({ limit: 'abc' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(pageQuerySchema.safeParse({ limit: '201' }).success).toBe(false);
    expect(organizationSearchSchema.safeParse({ limit: '101' }).success).toBe(false);
  });

  it('accepts audit filters in their documented forms only', () => {
    expect(
      auditQuerySchema.parse({
        action: 'auth.login',
        since: '2026-01-01T00:00:00Z',
        until: '2026-01-02T00:00:00+02:00',
        cursor: '42',
        limit: '5',
      }),
    ).toEqual({
      action: 'auth.login',
      since: '2026-01-01T00:00:00Z',
      until: '2026-01-02T00:00:00+02:00',
      cursor: '42',
      limit: 5,
    });
    expect(auditQuerySchema.safeParse({ action: 'auth.everything' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ since: 'yesterday' }).success).toBe(false);
    expect(auditQuerySchema.safeParse({ cursor: '1 OR 1=1' }).success).toBe(false);
  });

  it('refuses slugs and country codes that do not fit', () => {
    const org = (extra: Record<string, unknown>) =>
      organizationInputSchema.safeParse({ name: 'Org', country: 'US', ...extra }).success;
    expect(org({ slug: 'good-slug' })).toBe(true);
    expect(org({ slug: 'Bad Slug' })).toBe(false);
    expect(org({ slug: 'a--b' })).toBe(false);
    expect(org({ country: 'usa' })).toBe(false);
    expect(organizationInputSchema.parse({ name: 'Org', country: ' gb ' }).country).toBe('GB');
  });
});
