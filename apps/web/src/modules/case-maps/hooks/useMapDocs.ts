import { useMemo } from 'react';
import type * as Y from 'yjs';
import type { MapDocs } from '@coalesce/case-map';
import type { CaseMapLayerDto } from '@coalesce/protocol';
import { useCollabDoc } from '../../documents/editor/hooks/useCollabDoc';
import type { CollabDocState } from '../../documents/editor/hooks/useCollabDoc';
import { useOpenDocs } from './useOpenDocs';

export interface OpenLayer {
  layer: CaseMapLayerDto;
  state: CollabDocState;
}

export interface MapDocsState {
  /** The shared map document. */
  shared: CollabDocState;
  /** Every layer the viewer may open, with its document's state. */
  layers: OpenLayer[];
  /** The documents as the model reads them: null until the shared map is open. Stable identity. */
  docs: MapDocs | null;
  /** The viewer's own organization's layer, open for editing (null: not open yet, or read-only). */
  ownLayer: OpenLayer | null;
}

/**
 * Opens the shared map and the private layers the viewer may open. A layer joins the merged view
 * once the server acknowledged its opening (before that it would show its restricted nodes as stubs
 * to their own organization).
 */
export function useMapDocs(mapId: string, layers: readonly CaseMapLayerDto[]): MapDocsState {
  const shared = useCollabDoc(mapId);
  const layerStates = useOpenDocs(useMemo(() => layers.map((layer) => layer.docId), [layers]));

  const open = useMemo(() => {
    const out: OpenLayer[] = [];
    for (const layer of layers) {
      const state = layerStates.get(layer.docId);
      if (state?.handle) out.push({ layer, state });
    }
    return out;
  }, [layers, layerStates]);

  const readable = open.filter(({ state }) => state.role !== null && !state.revoked);
  const sharedDoc = shared.handle && shared.role !== null ? shared.handle.doc : null;
  // The model's documents change identity only when a document joins or leaves.
  const layerKey = readable.map(({ layer }) => `${layer.organization.id}:${layer.docId}`).join();
  const layerDocs = new Map<string, Y.Doc>(
    readable.map(({ layer, state }) => [layer.organization.id, state.handle!.doc]),
  );
  const docs = useMemo(
    () => (sharedDoc ? { shared: sharedDoc, layers: layerDocs } : null),
    [sharedDoc, layerKey],
  );
  const ownLayer = readable.find(({ layer, state }) => layer.own && state.role === 'edit') ?? null;
  return { shared, layers: open, docs, ownLayer };
}
