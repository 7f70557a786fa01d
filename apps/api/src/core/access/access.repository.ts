import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CoalitionRole, DocKind, DocPermission } from '@coalesce/domain';

/** A private layer of a case map: whose it is, and whether the asking organization was granted it. */
export interface LayerAccessRow {
  mapId: string;
  ownerOrgId: string;
  isGranted: boolean;
}

export interface DocumentAccessRow {
  kind: DocKind;
  coalitionId: string;
  ownerOrgId: string;
  isPrivate: boolean;
  coalitionPermission: DocPermission | null;
  coalitionRole: CoalitionRole | null;
  orgPermission: DocPermission | null;
  isArchived: boolean;
  /** Set for documents of kind `case-map-layer`. */
  layer: LayerAccessRow | null;
}

/** The few reads the access policy needs, straight from the membership tables. */
@Injectable()
export class AccessRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async coalitionRole(organizationId: string, coalitionId: string): Promise<CoalitionRole | null> {
    const rows: Array<{ role: CoalitionRole }> = await this.db.query(
      'SELECT role FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
      [coalitionId, organizationId],
    );
    return rows[0]?.role ?? null;
  }

  async organizationExists(organizationId: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM organizations WHERE id = $1', [organizationId]);
    return rows.length > 0;
  }

  /** The facts the document rule needs, for one organization; null when the document does not exist. */
  async documentAccess(docId: string, organizationId: string): Promise<DocumentAccessRow | null> {
    const rows: Array<{
      kind: DocKind;
      coalition_id: string;
      owner_org_id: string;
      is_private: boolean;
      coalition_permission: DocPermission | null;
      coalition_role: CoalitionRole | null;
      org_permission: DocPermission | null;
      archived: boolean;
      layer_map_id: string | null;
      layer_org_id: string | null;
      layer_granted: boolean;
    }> = await this.db.query(
      `SELECT d.kind, d.coalition_id, d.owner_org_id, d.is_private, d.coalition_permission,
              d.archived_at IS NOT NULL AS archived,
              m.role AS coalition_role, s.permission AS org_permission,
              l.map_id AS layer_map_id, l.organization_id AS layer_org_id,
              g.organization_id IS NOT NULL AS layer_granted
         FROM documents d
         LEFT JOIN coalition_members m ON m.coalition_id = d.coalition_id AND m.organization_id = $2
         LEFT JOIN document_shares s ON s.document_id = d.id AND s.organization_id = $2
         LEFT JOIN case_map_layers l ON l.doc_id = d.id
         LEFT JOIN case_map_layer_grants g ON g.layer_id = d.id AND g.organization_id = $2
        WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [docId, organizationId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      kind: r.kind,
      layer:
        r.kind === 'case-map-layer' && r.layer_map_id && r.layer_org_id
          ? { mapId: r.layer_map_id, ownerOrgId: r.layer_org_id, isGranted: r.layer_granted }
          : null,
      coalitionId: r.coalition_id,
      ownerOrgId: r.owner_org_id,
      isPrivate: r.is_private,
      coalitionPermission: r.coalition_permission,
      coalitionRole: r.coalition_role,
      orgPermission: r.org_permission,
      isArchived: r.archived,
    };
  }

  /** Every member organization of the document's coalition with its role and its own grant. */
  async documentAudienceFacts(
    docId: string,
  ): Promise<
    Array<{ organizationId: string; role: CoalitionRole; orgPermission: DocPermission | null }>
  > {
    const rows: Array<{
      organization_id: string;
      role: CoalitionRole;
      org_permission: DocPermission | null;
    }> = await this.db.query(
      `SELECT m.organization_id, m.role, s.permission AS org_permission
         FROM documents d
         JOIN coalition_members m ON m.coalition_id = d.coalition_id
         LEFT JOIN document_shares s ON s.document_id = d.id AND s.organization_id = m.organization_id
        WHERE d.id = $1 AND d.deleted_at IS NULL`,
      [docId],
    );
    return rows.map((r) => ({
      organizationId: r.organization_id,
      role: r.role,
      orgPermission: r.org_permission,
    }));
  }

  /** Coalitions the organization belongs to. */
  async coalitionsOf(organizationId: string): Promise<string[]> {
    const rows: Array<{ coalition_id: string }> = await this.db.query(
      'SELECT coalition_id FROM coalition_members WHERE organization_id = $1',
      [organizationId],
    );
    return rows.map((r) => r.coalition_id);
  }
}
