import { describe, expect, it } from '@jest/globals';
import type { z } from 'zod';
import { changePasswordSchema, loginSchema, registerSchema } from './auth.js';

const PASSWORD = 'correct-horse-battery-staple';
const ORG = { name: 'Harbor Light', country: 'us' };

/** The issues of a failed parse as "path: message" lines, or [] when it passed. */
function problems(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const paths = (schema: z.ZodType, value: unknown) =>
  problems(schema, value).map((p) => p.split(':')[0]);

describe('registerSchema', () => {
  it('accepts a sign-up that creates an organization, normalizing email and country', () => {
    const parsed = registerSchema.parse({
      email: '  Maya.Ortiz@Example.ORG ',
      name: '  Maya Ortiz ',
      password: PASSWORD,
      organization: ORG,
    });
    expect(parsed).toEqual({
      email: 'maya.ortiz@example.org',
      name: 'Maya Ortiz',
      password: PASSWORD,
      organization: { name: 'Harbor Light', country: 'US', focusAreas: [] },
    });
  });

  it('accepts a sign-up with an invitation token instead', () => {
    expect(
      problems(registerSchema, {
        email: 'a@example.org',
        name: 'A',
        password: PASSWORD,
        inviteToken: 'x'.repeat(43),
      }),
    ).toEqual([]);
  });

  it('needs either an organization or an invitation, not both and not neither', () => {
    const base = { email: 'a@example.org', name: 'A', password: PASSWORD };
    expect(problems(registerSchema, base)).toEqual([
      'organization: Create an organization or use an invitation link.',
    ]);
    expect(
      problems(registerSchema, { ...base, organization: ORG, inviteToken: 'x'.repeat(43) }),
    ).toEqual(['organization: An invitation already names your organization.']);
  });

  it('puts the password policy messages on the password field, using the email', () => {
    expect(
      problems(registerSchema, {
        email: 'harborlight@example.org',
        name: 'A',
        password: 'harborlight-2026-x',
        organization: ORG,
      }),
    ).toEqual(['password: Do not include your email address.']);
    expect(
      paths(registerSchema, {
        email: 'a@example.org',
        name: 'A',
        password: 'short',
        organization: ORG,
      }),
    ).toEqual(['password']);
    expect(
      paths(registerSchema, {
        email: 'a@example.org',
        name: 'A',
        password: 'x'.repeat(500),
        organization: ORG,
      }),
    ).toContain('password');
  });

  it('rejects unknown keys, at the top and inside the organization', () => {
    expect(
      paths(registerSchema, {
        email: 'a@example.org',
        name: 'A',
        password: PASSWORD,
        organization: { ...ORG, verified: true },
        orgRole: 'admin',
      }).sort(),
    ).toEqual(['', 'organization']);
    const issues = registerSchema.safeParse({
      email: 'a@example.org',
      name: 'A',
      password: PASSWORD,
      organization: ORG,
      orgRole: 'admin',
    });
    expect(issues.success).toBe(false);
    expect(issues.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['orgRole'] });
  });

  it('names every bad field', () => {
    expect(
      paths(registerSchema, {
        email: 'not-an-email',
        name: '   ',
        password: PASSWORD,
        inviteToken: 'short',
      }).sort(),
    ).toEqual(['email', 'inviteToken', 'name']);
    expect(
      paths(registerSchema, {
        email: 'a@example.org',
        name: 'A',
        password: PASSWORD,
        organization: { name: 'X', country: 'USA', focusAreas: ['smuggling'], website: 'ftp://x' },
      }).sort(),
    ).toEqual([
      'organization.country',
      'organization.focusAreas.0',
      'organization.name',
      'organization.website',
    ]);
  });
});

describe('loginSchema', () => {
  it('normalizes the email and requires a password', () => {
    expect(loginSchema.parse({ email: ' A@Example.org', password: 'x' })).toEqual({
      email: 'a@example.org',
      password: 'x',
    });
    expect(paths(loginSchema, { email: 'a@example.org', password: '' })).toEqual(['password']);
    expect(paths(loginSchema, { email: 'a@example.org', password: 'x', remember: true })).toEqual([
      '',
    ]);
  });
});

describe('changePasswordSchema', () => {
  it('applies the password policy to the new password only', () => {
    expect(problems(changePasswordSchema, { currentPassword: 'x', password: PASSWORD })).toEqual(
      [],
    );
    expect(
      paths(changePasswordSchema, { currentPassword: 'x', password: 'qwerty-qwerty' }),
    ).toEqual(['password']);
  });
});
