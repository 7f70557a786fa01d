import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import * as Y from 'yjs';
import type { MapDocs } from '@coalesce/case-map';
import { DocStore } from '../collab/doc-store.js';
import { UpdateCommitter } from '../collab/update-committer.js';
import type { LayerRow } from './case-map-layers.repository.js';

/** The transaction origin of edits the server makes to a map (sharing a node). */
export const SERVER_MAP_EDIT = Symbol('case-map server edit');

/** A map's documents loaded on the server, with what each held when loaded. */
export interface LoadedMap {
  docs: MapDocs;
  /** Document id, and the updates made since the load, per Y.Doc. */
  origins: Map<Y.Doc, { docId: string; updates: Uint8Array[] }>;
}

/**
 * Loads a case map's shared document and some of its private layers as Y.Docs (the server holds no
 * live Y.Doc otherwise), and commits what the server changed in them as forward updates through the
 * group committer, exactly like a version restore: open editors receive them live like any edit.
 */
@Injectable()
export class MapDocuments {
  constructor(
    private readonly store: DocStore,
    private readonly committer: UpdateCommitter,
  ) {}

  async load(mapId: string, layers: readonly LayerRow[]): Promise<LoadedMap> {
    const origins: LoadedMap['origins'] = new Map();
    const open = async (docId: string) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, (await this.store.load(docId)).state);
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      origins.set(doc, { docId, updates });
      return doc;
    };
    const shared = await open(mapId);
    const layerDocs = new Map<string, Y.Doc>();
    for (const layer of layers) layerDocs.set(layer.organizationId, await open(layer.docId));
    return { docs: { shared, layers: layerDocs }, origins };
  }

  /**
   * Commits the changes made since `load`, the shared map first: if a later commit failed, details
   * would be on the shared map and still in the layer (never lost from both). Returns the stored seq
   * per document that changed.
   */
  async commit(loaded: LoadedMap, userId: string): Promise<Map<string, number>> {
    const order = [loaded.docs.shared, ...loaded.docs.layers.values()];
    const seqs = new Map<string, number>();
    for (const doc of order) {
      const origin = loaded.origins.get(doc)!;
      if (!origin.updates.length) continue;
      const update = Y.mergeUpdates(origin.updates);
      const stored = await this.committer.commit({
        docId: origin.docId,
        update,
        updateId: `case-map-${randomUUID()}`,
        userId,
      });
      seqs.set(origin.docId, stored.seq);
    }
    return seqs;
  }

  destroy(loaded: LoadedMap): void {
    loaded.docs.shared.destroy();
    for (const layer of loaded.docs.layers.values()) layer.destroy();
  }
}
