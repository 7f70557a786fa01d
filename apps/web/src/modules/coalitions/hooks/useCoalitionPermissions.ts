import { decideCoalitionAction } from '@coalesce/domain';
import type { CoalitionAction, CoalitionRole } from '@coalesce/domain';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';

export interface CoalitionPermissions {
  /** The coalition role of the user's organization, null when it is not a member. */
  role: CoalitionRole | null;
  can(action: CoalitionAction): boolean;
}

/** What the signed-in user may do in a coalition (the server decides; this hides what it refuses). */
export function useCoalitionPermissions(coalitionId: string): CoalitionPermissions {
  const me = useCurrentUser();
  const role = me.coalitions.find((c) => c.id === coalitionId)?.role ?? null;
  return {
    role,
    can: (action) =>
      decideCoalitionAction({ orgRole: me.orgRole, coalitionRole: role }, action) === 'allow',
  };
}
