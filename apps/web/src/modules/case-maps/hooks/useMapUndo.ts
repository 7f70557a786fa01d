import { useEffect, useState } from 'react';
import { MapUndo } from '@coalesce/case-map';
import type { MapDocs } from '@coalesce/case-map';

export interface MapUndoState {
  undo: MapUndo | null;
  canUndo: boolean;
  canRedo: boolean;
}

/** Per-user undo over the shared map and the viewer's own layer (rebuilt when they change). */
export function useMapUndo(
  docs: MapDocs | null,
  ownOrgId: string,
  editable: boolean,
): MapUndoState {
  const [state, setState] = useState<MapUndoState>({ undo: null, canUndo: false, canRedo: false });
  const own = docs?.layers.get(ownOrgId) ?? null;
  const shared = docs?.shared ?? null;

  useEffect(() => {
    if (!shared || !editable) {
      setState({ undo: null, canUndo: false, canRedo: false });
      return;
    }
    const undo = new MapUndo(shared, own);
    const refresh = () => setState({ undo, canUndo: undo.canUndo, canRedo: undo.canRedo });
    refresh();
    const off = undo.onChange(refresh);
    return () => {
      off();
      undo.destroy();
    };
  }, [shared, own, editable]);

  return state;
}
