import type { CoalitionRole, OrgRole } from './roles.js';

/** What a user may try to do inside a coalition. */
export const COALITION_ACTIONS = [
  'coalition.view',
  'coalition.update',
  'coalition.members.invite',
  'coalition.members.set-role',
  'coalition.members.remove',
  'coalition.leave',
  'coalition.audit.view',
  'working-group.create',
  'working-group.update',
  'working-group.delete',
  'content.create',
  'content.comment',
  'bill.assign-lead',
] as const;
export type CoalitionAction = (typeof COALITION_ACTIONS)[number];

/** What a user may try to do inside their organization. */
export const ORG_ACTIONS = [
  'org.view',
  'org.update',
  'org.members.view',
  'org.members.invite',
  'org.members.set-role',
  'org.members.disable',
  'org.members.reset-two-factor',
  'org.audit.view',
  'org.coalitions.create',
  'org.coalition-invites.accept',
  'org.data.export',
  'org.data.erase',
] as const;
export type OrgAction = (typeof ORG_ACTIONS)[number];

/**
 * allow: go ahead; forbidden: the user can see the resource but not do this (403);
 * not-found: the user may not even know the resource exists (404).
 */
export type AccessDecision = 'allow' | 'forbidden' | 'not-found';

export interface CoalitionActor {
  orgRole: OrgRole;
  /** The coalition role of the user's organization, or null when the org is not a member. */
  coalitionRole: CoalitionRole | null;
}

const COORDINATOR_ORG_ADMIN_ONLY: ReadonlySet<CoalitionAction> = new Set([
  'coalition.update',
  'coalition.members.invite',
  'coalition.members.set-role',
  'coalition.members.remove',
]);

const COORDINATOR_ONLY: ReadonlySet<CoalitionAction> = new Set([
  'coalition.audit.view',
  'working-group.create',
  'working-group.update',
  'working-group.delete',
  'bill.assign-lead',
]);

const WRITERS: ReadonlySet<CoalitionRole> = new Set(['coordinator', 'member']);

/** The single rule table for coalition actions; the API's AccessPolicy applies it. */
export function decideCoalitionAction(
  actor: CoalitionActor,
  action: CoalitionAction,
): AccessDecision {
  const { coalitionRole, orgRole } = actor;
  if (coalitionRole === null) return 'not-found';
  if (action === 'coalition.view') return 'allow';
  if (action === 'coalition.leave') return orgRole === 'admin' ? 'allow' : 'forbidden';
  if (COORDINATOR_ORG_ADMIN_ONLY.has(action)) {
    return coalitionRole === 'coordinator' && orgRole === 'admin' ? 'allow' : 'forbidden';
  }
  if (COORDINATOR_ONLY.has(action)) {
    return coalitionRole === 'coordinator' ? 'allow' : 'forbidden';
  }
  if (action === 'content.create' || action === 'content.comment') {
    return WRITERS.has(coalitionRole) ? 'allow' : 'forbidden';
  }
  return 'forbidden';
}

export interface OrgActor {
  /** The user's org role when the user belongs to the organization, null otherwise. */
  orgRole: OrgRole | null;
}

/** Any signed-in user may view an organization's public profile (to invite it); the rest is internal. */
export function decideOrgAction(actor: OrgActor, action: OrgAction): AccessDecision {
  if (action === 'org.view') return 'allow';
  if (actor.orgRole === null) return 'not-found';
  if (action === 'org.members.view') return 'allow';
  return actor.orgRole === 'admin' ? 'allow' : 'forbidden';
}

/** Coalition roles that may only read. */
export function isReadOnlyCoalitionRole(role: CoalitionRole): boolean {
  return role === 'observer';
}
