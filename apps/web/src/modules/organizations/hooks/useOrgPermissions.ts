import { decideOrgAction } from '@coalesce/domain';
import type { OrgAction } from '@coalesce/domain';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';

/** What the signed-in user may do in their own organization. */
export function useOrgPermissions() {
  const me = useCurrentUser();
  return {
    isAdmin: me.orgRole === 'admin',
    can: (action: OrgAction) => decideOrgAction({ orgRole: me.orgRole }, action) === 'allow',
  };
}
