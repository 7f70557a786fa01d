import { useParams } from 'react-router';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import type { CoalitionMembership } from './useActiveCoalition';

/** The coalition of a `/c/:coalitionId` page; CoalitionRoute guarantees it is one of the user's. */
export function useCoalitionRoute(): CoalitionMembership {
  const { coalitionId } = useParams();
  const me = useCurrentUser();
  const coalition = me.coalitions.find((c) => c.id === coalitionId);
  if (!coalition) throw new Error('useCoalitionRoute used outside a known coalition.');
  return coalition;
}
