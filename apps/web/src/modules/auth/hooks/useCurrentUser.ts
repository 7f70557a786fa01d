import { useContext } from 'react';
import type { MeDto } from '@coalesce/protocol';
import { CurrentUserContext } from './currentUserContext';

/** The signed-in user; only inside the authenticated part of the app. */
export function useCurrentUser(): MeDto {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used inside the signed-in app.');
  return me;
}
