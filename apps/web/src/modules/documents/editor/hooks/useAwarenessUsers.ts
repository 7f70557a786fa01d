import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { CaretUser } from '../extensions/caretRender';

/** Everyone in the document now (one entry per person, even with several tabs), self included. */
export function presentUsers(awareness: Awareness): CaretUser[] {
  const byId = new Map<string, CaretUser>();
  for (const state of awareness.getStates().values()) {
    const user = (state as { user?: Partial<CaretUser> }).user;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
    if (byId.has(user.id)) continue;
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      organization: typeof user.organization === 'string' ? user.organization : '',
      color: typeof user.color === 'string' ? user.color : '#868e96',
    });
  }
  return [...byId.values()];
}

/** Presence of a document, from its awareness states. */
export function useAwarenessUsers(awareness: Awareness | null): CaretUser[] {
  const [users, setUsers] = useState<CaretUser[]>([]);
  useEffect(() => {
    if (!awareness) {
      setUsers([]);
      return;
    }
    const refresh = () => setUsers(presentUsers(awareness));
    refresh();
    awareness.on('change', refresh);
    return () => awareness.off('change', refresh);
  }, [awareness]);
  return users;
}
