import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { exportMapJson } from '@coalesce/case-map';
import { collectedState } from '../../../collab/collected-state.js';
import { DocStore } from '../../../collab/doc-store.js';
import { fileSlug, iso } from './org-data-section.js';
import type { OrgDataSection, SectionContext } from './org-data-section.js';

interface MapRow {
  id: string;
  title: string;
  is_private: boolean;
  coalition_permission: string | null;
  created_at: Date;
  updated_at: Date;
  archived_at: Date | null;
}

/**
 * Case maps the organization owns: the shared map's Yjs state and the map as JSON (the import
 * format, `coalesce.case-map`). The JSON holds what the shared map shows in full: the details of
 * restricted and private nodes live in the organization's private layers, exported by their own
 * section.
 */
@Injectable()
export class CaseMapsSection implements OrgDataSection {
  readonly key = 'caseMaps';
  readonly label = 'Case maps';
  readonly scope = 'coalition' as const;
  readonly contents = {
    'case-maps/<title>-<id>.json':
      'A case map owned by the organization in the coalesce.case-map JSON format (importable).',
    'case-maps/<id>.yjs':
      'The shared map as a Yjs update (binary): Y.Maps "nodes" and "edges", one Y.Map per item.',
    'case-maps/<id>.meta.json': 'The map metadata: title, sharing, dates.',
  };

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
  ) {}

  async size(ctx: SectionContext): Promise<number> {
    return (await this.maps(ctx)).length;
  }

  async write(ctx: SectionContext): Promise<number> {
    const coalition = ctx.coalition!;
    const maps = await this.maps(ctx);
    let done = 0;
    for (const map of maps) {
      const state = collectedState((await this.store.read(map.id)).state);
      const shared = new Y.Doc();
      Y.applyUpdate(shared, state);
      const json = exportMapJson({ shared, layers: new Map() }, map.title);
      shared.destroy();
      const base = `${coalition.folder}/case-maps`;
      await ctx.archive.addJson(`${base}/${fileSlug(map.title)}-${map.id}.json`, json);
      await ctx.archive.addFile(`${base}/${map.id}.yjs`, state);
      await ctx.archive.addJson(`${base}/${map.id}.meta.json`, {
        id: map.id,
        title: map.title,
        private: map.is_private,
        coalitionPermission: map.coalition_permission,
        createdAt: iso(map.created_at),
        updatedAt: iso(map.updated_at),
        archivedAt: iso(map.archived_at),
        nodes: json.nodes.length,
        edges: json.edges.length,
      });
      done += 1;
      await ctx.progress(1, `Case maps of ${coalition.name} (${done} of ${maps.length})`);
    }
    return done;
  }

  private maps(ctx: SectionContext): Promise<MapRow[]> {
    return this.db.query(
      `SELECT id, title, is_private, coalition_permission, created_at, updated_at, archived_at
         FROM documents
        WHERE owner_org_id = $1 AND coalition_id = $2 AND kind = 'case-map' AND deleted_at IS NULL
        ORDER BY created_at, id`,
      [ctx.organization.id, ctx.coalition!.id],
    );
  }
}
