import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { exportMapJson } from '@coalesce/case-map';
import { collectedState } from '../../../collab/collected-state.js';
import { DocStore } from '../../../collab/doc-store.js';
import { fileSlug } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

interface LayerRow {
  layer_id: string;
  map_id: string;
  map_title: string;
}

/**
 * The organization's private layers of every case map of the coalition (its own maps and other
 * organizations' maps): the layer's Yjs state, and the map as the organization sees it in full
 * (shared map merged with its layer: its restricted and private nodes with their details).
 */
@Injectable()
export class PrivateLayersSection implements OrgDataSection {
  readonly key = 'privateMapLayers';
  readonly label = 'Private case-map layers';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'case-map-layers/<map title>-<map id>.json':
      'The map merged with the organization’s private layer (coalesce.case-map JSON): what the organization sees in full, including its restricted and private nodes.',
    'case-map-layers/<map id>.layer.yjs':
      'The private layer as a Yjs update (binary): Y.Maps "details" (restricted nodes), "nodes" and "edges" (private ones).',
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
  ) {}

  async size(ctx: SectionContext): Promise<number> {
    return (await this.layers(ctx)).length;
  }

  async write(ctx: SectionContext): Promise<number> {
    const coalition = ctx.coalition!;
    const layers = await this.layers(ctx);
    let done = 0;
    for (const row of layers) {
      const sharedState = collectedState((await this.store.read(row.map_id)).state);
      const layerState = collectedState((await this.store.read(row.layer_id)).state);
      const shared = new Y.Doc();
      const layer = new Y.Doc();
      Y.applyUpdate(shared, sharedState);
      Y.applyUpdate(layer, layerState);
      const json = exportMapJson(
        { shared, layers: new Map([[ctx.organization.id, layer]]) },
        row.map_title,
      );
      shared.destroy();
      layer.destroy();
      const base = `${coalition.folder}/case-map-layers`;
      await ctx.archive.addJson(`${base}/${fileSlug(row.map_title)}-${row.map_id}.json`, json);
      await ctx.archive.addFile(`${base}/${row.map_id}.layer.yjs`, layerState);
      done += 1;
      await ctx.progress(
        1,
        `Private map layers in ${coalition.name} (${done} of ${layers.length})`,
      );
    }
    return done;
  }

  private layers(ctx: SectionContext): Promise<LayerRow[]> {
    return this.db.query(
      `SELECT l.doc_id AS layer_id, m.id AS map_id, m.title AS map_title
         FROM case_map_layers l
         JOIN documents m ON m.id = l.map_id
        WHERE l.organization_id = $1 AND m.coalition_id = $2 AND m.deleted_at IS NULL
        ORDER BY m.created_at, m.id`,
      [ctx.organization.id, ctx.coalition!.id],
    );
  }
}
