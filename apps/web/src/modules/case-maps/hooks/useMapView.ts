import { useEffect, useState } from 'react';
import { readMap } from '@coalesce/case-map';
import type { MapDocs, MapView } from '@coalesce/case-map';

const EMPTY: MapView = { nodes: [], edges: [], problems: [] };

/**
 * The merged view of the map, read again after any change of any of its documents — at most once
 * per animation frame, however many updates arrive meanwhile.
 */
export function useMapView(docs: MapDocs | null): MapView {
  const [view, setView] = useState<MapView>(EMPTY);

  useEffect(() => {
    if (!docs) {
      setView(EMPTY);
      return;
    }
    let frame: number | null = null;
    const read = () => {
      frame = null;
      setView(readMap(docs));
    };
    const schedule = () => {
      frame ??= requestAnimationFrame(read);
    };
    read();
    const all = [docs.shared, ...docs.layers.values()];
    for (const doc of all) doc.on('update', schedule);
    return () => {
      for (const doc of all) doc.off('update', schedule);
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [docs]);

  return view;
}
