/** Role of a user inside their own organization. */
export const ORG_ROLES = ['admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

/** Role of a member organization inside a coalition. */
export const COALITION_ROLES = ['coordinator', 'member', 'observer'] as const;
export type CoalitionRole = (typeof COALITION_ROLES)[number];

export function isCoalitionRole(value: string): value is CoalitionRole {
  return (COALITION_ROLES as readonly string[]).includes(value);
}

export function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value);
}
