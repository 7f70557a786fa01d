import { describe, expect, it } from '@jest/globals';
import {
  COALITION_ACTIONS,
  decideCoalitionAction,
  decideOrgAction,
  isReadOnlyCoalitionRole,
  ORG_ACTIONS,
} from './permissions.js';
import type { AccessDecision, CoalitionAction, OrgAction } from './permissions.js';
import { COALITION_ROLES, ORG_ROLES } from './roles.js';
import type { CoalitionRole, OrgRole } from './roles.js';

const A: AccessDecision = 'allow';
const F: AccessDecision = 'forbidden';

/**
 * The whole coalition rule table, written out from DESIGN.md section 2. Columns:
 * coordinator org (admin, member), member org (admin, member), observer org (admin, member).
 * A non-member organization always gets not-found.
 */
const COALITION_TABLE: Record<
  CoalitionAction,
  [AccessDecision, AccessDecision, AccessDecision, AccessDecision, AccessDecision, AccessDecision]
> = {
  'coalition.view': [A, A, A, A, A, A],
  'coalition.update': [A, F, F, F, F, F],
  'coalition.members.invite': [A, F, F, F, F, F],
  'coalition.members.set-role': [A, F, F, F, F, F],
  'coalition.members.remove': [A, F, F, F, F, F],
  'coalition.leave': [A, F, A, F, A, F],
  'coalition.audit.view': [A, A, F, F, F, F],
  'working-group.create': [A, A, F, F, F, F],
  'working-group.update': [A, A, F, F, F, F],
  'working-group.delete': [A, A, F, F, F, F],
  'content.create': [A, A, A, A, F, F],
  'content.comment': [A, A, A, A, F, F],
  'bill.assign-lead': [A, A, F, F, F, F],
};

const COLUMNS: Array<[CoalitionRole, OrgRole]> = [
  ['coordinator', 'admin'],
  ['coordinator', 'member'],
  ['member', 'admin'],
  ['member', 'member'],
  ['observer', 'admin'],
  ['observer', 'member'],
];

describe('decideCoalitionAction', () => {
  it('has a row in the table for every action (a new action needs a decision here)', () => {
    expect(Object.keys(COALITION_TABLE).sort()).toEqual([...COALITION_ACTIONS].sort());
  });

  const cases = COALITION_ACTIONS.flatMap((action) =>
    COLUMNS.map(([coalitionRole, orgRole], i) => ({
      action,
      coalitionRole,
      orgRole,
      expected: COALITION_TABLE[action][i],
    })),
  );

  it.each(cases)(
    '$action by an org $orgRole of a $coalitionRole organization: $expected',
    ({ action, coalitionRole, orgRole, expected }) => {
      expect(decideCoalitionAction({ coalitionRole, orgRole }, action)).toBe(expected);
    },
  );

  it.each(COALITION_ACTIONS.flatMap((action) => ORG_ROLES.map((orgRole) => ({ action, orgRole }))))(
    '$action by an org $orgRole of a non-member organization: not-found',
    ({ action, orgRole }) => {
      expect(decideCoalitionAction({ coalitionRole: null, orgRole }, action)).toBe('not-found');
    },
  );

  it('never lets an observer organization change anything but its own membership', () => {
    for (const action of COALITION_ACTIONS) {
      if (action === 'coalition.view' || action === 'coalition.leave') continue;
      for (const orgRole of ORG_ROLES)
        expect(decideCoalitionAction({ coalitionRole: 'observer', orgRole }, action)).toBe(F);
    }
  });

  it('refuses an action it does not know', () => {
    expect(
      decideCoalitionAction(
        { coalitionRole: 'coordinator', orgRole: 'admin' },
        'coalition.destroy' as CoalitionAction,
      ),
    ).toBe(F);
  });
});

describe('decideOrgAction', () => {
  /** Columns: admin of the org, member of the org, user of another org. */
  const ORG_TABLE: Record<OrgAction, [AccessDecision, AccessDecision, AccessDecision]> = {
    'org.view': [A, A, A],
    'org.update': [A, F, 'not-found'],
    'org.members.view': [A, A, 'not-found'],
    'org.members.invite': [A, F, 'not-found'],
    'org.members.set-role': [A, F, 'not-found'],
    'org.members.disable': [A, F, 'not-found'],
    'org.members.reset-two-factor': [A, F, 'not-found'],
    'org.audit.view': [A, F, 'not-found'],
    'org.coalitions.create': [A, F, 'not-found'],
    'org.coalition-invites.accept': [A, F, 'not-found'],
    'org.data.export': [A, F, 'not-found'],
    'org.data.erase': [A, F, 'not-found'],
  };

  it('has a row in the table for every action', () => {
    expect(Object.keys(ORG_TABLE).sort()).toEqual([...ORG_ACTIONS].sort());
  });

  it.each(
    ORG_ACTIONS.flatMap((action) =>
      (['admin', 'member', null] as const).map((orgRole, i) => ({
        action,
        orgRole,
        expected: ORG_TABLE[action][i],
      })),
    ),
  )('$action by org role $orgRole: $expected', ({ action, orgRole, expected }) => {
    expect(decideOrgAction({ orgRole }, action)).toBe(expected);
  });
});

describe('isReadOnlyCoalitionRole', () => {
  it('is true for observers only', () => {
    expect(COALITION_ROLES.filter(isReadOnlyCoalitionRole)).toEqual(['observer']);
  });
});
