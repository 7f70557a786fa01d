import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { LayerGrantDto } from '@coalesce/protocol';
import { returningRows } from '../../core/database/returning-rows.js';
import { DocStore } from '../collab/doc-store.js';

/** A case map's document row (kind `case-map`, not deleted). */
export interface MapRow {
  id: string;
  coalitionId: string;
  ownerOrgId: string;
  title: string;
  archived: boolean;
}

/** One organization's private layer of a map. */
export interface LayerRow {
  docId: string;
  mapId: string;
  organizationId: string;
  organizationName: string;
}

/** The SQL of case maps' private layers and the grants to read them. */
@Injectable()
export class CaseMapLayersRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly store: DocStore,
  ) {}

  async map(docId: string, m: EntityManager = this.db.manager): Promise<MapRow | null> {
    const rows: Array<{
      id: string;
      coalition_id: string;
      owner_org_id: string;
      title: string;
      archived: boolean;
    }> = await m.query(
      `SELECT id, coalition_id, owner_org_id, title, archived_at IS NOT NULL AS archived
         FROM documents WHERE id = $1 AND kind = 'case-map' AND deleted_at IS NULL`,
      [docId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          coalitionId: r.coalition_id,
          ownerOrgId: r.owner_org_id,
          title: r.title,
          archived: r.archived,
        }
      : null;
  }

  /** Every layer of the map. */
  async layersOf(mapId: string, m: EntityManager = this.db.manager): Promise<LayerRow[]> {
    const rows: Array<{ doc_id: string; organization_id: string; name: string }> = await m.query(
      `SELECT l.doc_id, l.organization_id, o.name FROM case_map_layers l
         JOIN organizations o ON o.id = l.organization_id
        WHERE l.map_id = $1 ORDER BY o.name, l.doc_id`,
      [mapId],
    );
    return rows.map((r) => ({
      docId: r.doc_id,
      mapId,
      organizationId: r.organization_id,
      organizationName: r.name,
    }));
  }

  async layerOf(
    mapId: string,
    organizationId: string,
    m: EntityManager = this.db.manager,
  ): Promise<LayerRow | null> {
    return (await this.layersOf(mapId, m)).find((l) => l.organizationId === organizationId) ?? null;
  }

  /** The layers of the map that `organizationId` was granted. */
  async grantedTo(mapId: string, organizationId: string): Promise<LayerRow[]> {
    const rows: Array<{ doc_id: string; organization_id: string; name: string }> =
      await this.db.query(
        `SELECT l.doc_id, l.organization_id, o.name FROM case_map_layers l
           JOIN case_map_layer_grants g ON g.layer_id = l.doc_id AND g.organization_id = $2
           JOIN organizations o ON o.id = l.organization_id
          WHERE l.map_id = $1 ORDER BY o.name, l.doc_id`,
        [mapId, organizationId],
      );
    return rows.map((r) => ({
      docId: r.doc_id,
      mapId,
      organizationId: r.organization_id,
      organizationName: r.name,
    }));
  }

  /**
   * The organization's layer of the map, created (an empty document) when it has none yet. The map
   * row is locked first, so two first uses at once create one layer.
   */
  async ensureLayer(map: MapRow, organizationId: string, userId: string | null): Promise<LayerRow> {
    const existing = await this.layerOf(map.id, organizationId);
    if (existing) return existing;
    await this.db.transaction(async (m) => {
      await m.query('SELECT id FROM documents WHERE id = $1 FOR UPDATE', [map.id]);
      if (await this.layerOf(map.id, organizationId, m)) return;
      await this.createLayer(m, map, organizationId, userId);
    });
    return (await this.layerOf(map.id, organizationId))!;
  }

  /** Creates the layer's document (kind `case-map-layer`, private to its organization). */
  async createLayer(
    m: EntityManager,
    map: Pick<MapRow, 'id' | 'coalitionId'>,
    organizationId: string,
    userId: string | null,
    initialState?: Uint8Array,
  ): Promise<string> {
    const [{ id }]: Array<{ id: string }> = await m.query(
      `INSERT INTO documents (coalition_id, owner_org_id, kind, title, is_private, coalition_permission,
                              created_by_user_id, updated_by_user_id)
       VALUES ($1, $2, 'case-map-layer', 'Private layer', true, NULL, $3, $3) RETURNING id`,
      [map.coalitionId, organizationId, userId],
    );
    await this.store.create(m, id, initialState);
    await m.query(
      'INSERT INTO case_map_layers (doc_id, map_id, organization_id) VALUES ($1, $2, $3)',
      [id, map.id, organizationId],
    );
    return id;
  }

  async grants(layerId: string): Promise<LayerGrantDto[]> {
    const rows: Array<{
      organization_id: string;
      org_name: string;
      user_id: string | null;
      user_name: string | null;
      created_at: Date;
    }> = await this.db.query(
      `SELECT g.organization_id, o.name AS org_name, u.id AS user_id, u.name AS user_name, g.created_at
         FROM case_map_layer_grants g
         JOIN organizations o ON o.id = g.organization_id
         LEFT JOIN users u ON u.id = g.granted_by_user_id
        WHERE g.layer_id = $1 ORDER BY o.name`,
      [layerId],
    );
    return rows.map((r) => ({
      organization: { id: r.organization_id, name: r.org_name },
      grantedBy: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
      grantedAt: new Date(r.created_at).toISOString(),
    }));
  }

  /** Inserts a grant; false when the organization already had one. */
  async addGrant(
    m: EntityManager,
    layerId: string,
    organizationId: string,
    userId: string,
  ): Promise<boolean> {
    const rows = await m
      .query(
        `INSERT INTO case_map_layer_grants (layer_id, organization_id, granted_by_user_id)
         VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING layer_id`,
        [layerId, organizationId, userId],
      )
      .then(returningRows<{ layer_id: string }>);
    return rows.length > 0;
  }

  /** Deletes a grant; false when there was none. */
  async removeGrant(m: EntityManager, layerId: string, organizationId: string): Promise<boolean> {
    const rows = await m
      .query(
        `DELETE FROM case_map_layer_grants WHERE layer_id = $1 AND organization_id = $2
         RETURNING layer_id`,
        [layerId, organizationId],
      )
      .then(returningRows<{ layer_id: string }>);
    return rows.length > 0;
  }

  /**
   * Drops the grants an organization holds on layers of the coalition's maps once it is no longer a
   * member (coming back later does not bring the access back). Returns the layers concerned.
   */
  async dropGrantsOfFormerMember(
    coalitionId: string,
    organizationId: string,
  ): Promise<Array<{ layerId: string; mapId: string; ownerOrgId: string }>> {
    const rows = await this.db
      .query(
        `DELETE FROM case_map_layer_grants g
          USING case_map_layers l, documents d
          WHERE g.layer_id = l.doc_id AND l.map_id = d.id AND d.coalition_id = $1
            AND g.organization_id = $2
            AND NOT EXISTS (SELECT 1 FROM coalition_members cm
                             WHERE cm.coalition_id = $3 AND cm.organization_id = $4)
        RETURNING g.layer_id, l.map_id, l.organization_id AS owner`,
        [coalitionId, organizationId, coalitionId, organizationId],
      )
      .then(returningRows<{ layer_id: string; map_id: string; owner: string }>);
    return rows.map((r) => ({ layerId: r.layer_id, mapId: r.map_id, ownerOrgId: r.owner }));
  }

  /** Whether the organization is a member of the coalition (a grant target must be). */
  async isMember(coalitionId: string, organizationId: string): Promise<boolean> {
    const rows = await this.db.query(
      'SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
      [coalitionId, organizationId],
    );
    return rows.length > 0;
  }

  async organizationName(organizationId: string): Promise<string> {
    const rows: Array<{ name: string }> = await this.db.query(
      'SELECT name FROM organizations WHERE id = $1',
      [organizationId],
    );
    return rows[0]?.name ?? '';
  }
}
