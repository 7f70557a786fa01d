import { useMatch } from 'react-router';
import type { MeDto } from '@coalesce/protocol';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { lastCoalition } from './lastCoalition';

export type CoalitionMembership = MeDto['coalitions'][number];

/**
 * The coalition the workspace is about: the one in the URL (`/c/:coalitionId/...`), else the
 * last one opened, else the first. `inUrl` tells whether the page itself is a coalition page.
 */
export function useActiveCoalition(): { coalition: CoalitionMembership | null; inUrl: boolean } {
  const me = useCurrentUser();
  const match = useMatch('/c/:coalitionId/*');
  const urlId = match?.params.coalitionId ?? null;
  if (urlId) {
    return { coalition: me.coalitions.find((c) => c.id === urlId) ?? null, inUrl: true };
  }
  const last = lastCoalition(me.id);
  const coalition = me.coalitions.find((c) => c.id === last) ?? me.coalitions[0] ?? null;
  return { coalition, inUrl: false };
}
