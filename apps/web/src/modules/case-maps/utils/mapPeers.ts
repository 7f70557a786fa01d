import type { RemoteMark } from './flowElements';

/** What one viewer of the map publishes in its awareness state (never any node detail). */
export interface MapPeer {
  clientId: number;
  user: { id: string; name: string; organization: string; color: string };
  /** Pointer position in flow coordinates, null when the pointer is off the canvas. */
  cursor: { x: number; y: number } | null;
  /** Ids of the nodes the viewer has selected. */
  selection: string[];
}

/** At most this many selected ids are published (an awareness state must stay small). */
export const MAX_PUBLISHED_SELECTION = 50;

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Other viewers' states, validated (a faulty or hostile client cannot break the canvas). */
export function readPeers(states: ReadonlyMap<number, unknown>, selfClientId: number): MapPeer[] {
  const peers: MapPeer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === selfClientId || !raw || typeof raw !== 'object') continue;
    const state = raw as Record<string, unknown>;
    const user = state.user as Record<string, unknown> | undefined;
    if (!user || typeof user.id !== 'string' || typeof user.name !== 'string') continue;
    const cursor = state.cursor as Record<string, unknown> | null | undefined;
    const selection = Array.isArray(state.selection)
      ? state.selection.filter((id): id is string => typeof id === 'string')
      : [];
    peers.push({
      clientId,
      user: {
        id: user.id,
        name: user.name.slice(0, 80),
        organization: typeof user.organization === 'string' ? user.organization.slice(0, 80) : '',
        color:
          typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color)
            ? user.color
            : '#868e96',
      },
      cursor:
        cursor && isFiniteNumber(cursor.x) && isFiniteNumber(cursor.y)
          ? { x: cursor.x, y: cursor.y }
          : null,
      selection: selection.slice(0, MAX_PUBLISHED_SELECTION),
    });
  }
  return peers;
}

/** Node id → the other people who have it selected. */
export function selectionMarks(peers: readonly MapPeer[]): Map<string, RemoteMark[]> {
  const marks = new Map<string, RemoteMark[]>();
  for (const peer of peers) {
    for (const id of peer.selection) {
      const list = marks.get(id) ?? [];
      if (!list.some((mark) => mark.userId === peer.user.id)) {
        list.push({ userId: peer.user.id, name: peer.user.name, color: peer.user.color });
      }
      marks.set(id, list);
    }
  }
  return marks;
}
