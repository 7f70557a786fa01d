import { useCallback, useEffect, useRef, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { MAX_PUBLISHED_SELECTION, readPeers } from '../utils/mapPeers';
import type { MapPeer } from '../utils/mapPeers';

export interface MapSelf {
  id: string;
  name: string;
  organization: string;
  color: string;
}

const CURSOR_INTERVAL_MS = 50;

/**
 * Live cursors and selections through the shared map's awareness: publishes the viewer's name,
 * organization, color, pointer (flow coordinates, throttled) and selected node ids; returns the
 * other viewers' states.
 */
export function useMapAwareness(awareness: Awareness | null, self: MapSelf) {
  const [peers, setPeers] = useState<MapPeer[]>([]);
  const pendingCursor = useRef<{ x: number; y: number } | null | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!awareness) {
      setPeers([]);
      return;
    }
    awareness.setLocalStateField('user', self);
    const refresh = () => setPeers(readPeers(awareness.getStates(), awareness.clientID));
    refresh();
    awareness.on('change', refresh);
    return () => {
      awareness.off('change', refresh);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [awareness, self]);

  const publishCursor = useCallback(
    (cursor: { x: number; y: number } | null) => {
      if (!awareness) return;
      pendingCursor.current = cursor;
      if (timer.current) return;
      const flush = () => {
        timer.current = null;
        if (pendingCursor.current === undefined) return;
        const next = pendingCursor.current;
        pendingCursor.current = undefined;
        awareness.setLocalStateField(
          'cursor',
          next ? { x: Math.round(next.x), y: Math.round(next.y) } : null,
        );
        timer.current = setTimeout(flush, CURSOR_INTERVAL_MS);
      };
      flush();
    },
    [awareness],
  );

  const publishSelection = useCallback(
    (ids: string[]) => {
      awareness?.setLocalStateField('selection', ids.slice(0, MAX_PUBLISHED_SELECTION));
    },
    [awareness],
  );

  return { peers, publishCursor, publishSelection };
}
