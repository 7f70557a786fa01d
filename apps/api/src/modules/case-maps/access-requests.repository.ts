import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { MapNodeType } from '@coalesce/domain';
import type { AccessRequestDto, AccessRequestStatus } from '@coalesce/protocol';
import { returningRows } from '../../core/database/returning-rows.js';

/** A stored request, as the services need it. */
export interface AccessRequestRow {
  id: string;
  mapId: string;
  nodeId: string;
  nodeType: MapNodeType;
  ownerOrgId: string;
  requestingOrgId: string;
  requestedByUserId: string | null;
  status: AccessRequestStatus;
}

interface DtoRow {
  id: string;
  map_id: string;
  node_id: string;
  node_type: MapNodeType;
  owner_org_id: string;
  owner_name: string;
  requesting_org_id: string;
  requesting_name: string;
  requested_by_id: string | null;
  requested_by_name: string | null;
  message: string;
  status: AccessRequestStatus;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by_id: string | null;
  resolved_by_name: string | null;
}

const DTO_SELECT = `
  SELECT r.id, r.map_id, r.node_id, r.node_type, r.owner_org_id, oo.name AS owner_name,
         r.requesting_org_id, ro.name AS requesting_name,
         rb.id AS requested_by_id, rb.name AS requested_by_name, r.message, r.status, r.created_at,
         r.resolved_at, sb.id AS resolved_by_id, sb.name AS resolved_by_name
    FROM case_map_access_requests r
    JOIN organizations oo ON oo.id = r.owner_org_id
    JOIN organizations ro ON ro.id = r.requesting_org_id
    LEFT JOIN users rb ON rb.id = r.requested_by_user_id
    LEFT JOIN users sb ON sb.id = r.resolved_by_user_id`;

/** The SQL of access requests for restricted nodes. */
@Injectable()
export class AccessRequestsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Inserts a pending request; null when the organization already has one pending for the node. */
  async insert(
    m: EntityManager,
    request: Omit<AccessRequestRow, 'id' | 'status'> & { message: string },
  ): Promise<string | null> {
    const rows = await m
      .query(
        `INSERT INTO case_map_access_requests
           (map_id, node_id, node_type, owner_org_id, requesting_org_id, requested_by_user_id, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (map_id, node_id, requesting_org_id) WHERE status = 'pending' DO NOTHING
         RETURNING id`,
        [
          request.mapId,
          request.nodeId,
          request.nodeType,
          request.ownerOrgId,
          request.requestingOrgId,
          request.requestedByUserId,
          request.message,
        ],
      )
      .then(returningRows<{ id: string }>);
    return rows[0]?.id ?? null;
  }

  async find(mapId: string, requestId: string): Promise<AccessRequestRow | null> {
    const rows: Array<{
      id: string;
      map_id: string;
      node_id: string;
      node_type: MapNodeType;
      owner_org_id: string;
      requesting_org_id: string;
      requested_by_user_id: string | null;
      status: AccessRequestStatus;
    }> = await this.db.query(
      `SELECT id, map_id, node_id, node_type, owner_org_id, requesting_org_id, requested_by_user_id, status
         FROM case_map_access_requests WHERE id = $1 AND map_id = $2`,
      [requestId, mapId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          mapId: r.map_id,
          nodeId: r.node_id,
          nodeType: r.node_type,
          ownerOrgId: r.owner_org_id,
          requestingOrgId: r.requesting_org_id,
          requestedByUserId: r.requested_by_user_id,
          status: r.status,
        }
      : null;
  }

  /**
   * Resolves pending requests (one, or every pending request for a node); returns those it changed,
   * so two owners answering at once cannot both resolve the same request.
   */
  async resolve(
    m: EntityManager,
    where: { requestId: string } | { mapId: string; nodeId: string },
    status: Exclude<AccessRequestStatus, 'pending'>,
    userId: string,
  ): Promise<AccessRequestRow[]> {
    const [condition, params] =
      'requestId' in where
        ? ['id = $3', [where.requestId]]
        : ['map_id = $3 AND node_id = $4', [where.mapId, where.nodeId]];
    const rows = await m
      .query(
        `UPDATE case_map_access_requests
            SET status = $1, resolved_by_user_id = $2, resolved_at = now()
          WHERE ${condition} AND status = 'pending'
          RETURNING id, map_id, node_id, node_type, owner_org_id, requesting_org_id, requested_by_user_id, status`,
        [status, userId, ...params],
      )
      .then(
        returningRows<{
          id: string;
          map_id: string;
          node_id: string;
          node_type: MapNodeType;
          owner_org_id: string;
          requesting_org_id: string;
          requested_by_user_id: string | null;
          status: AccessRequestStatus;
        }>,
      );
    return rows.map((r) => ({
      id: r.id,
      mapId: r.map_id,
      nodeId: r.node_id,
      nodeType: r.node_type,
      ownerOrgId: r.owner_org_id,
      requestingOrgId: r.requesting_org_id,
      requestedByUserId: r.requested_by_user_id,
      status: r.status,
    }));
  }

  /** Requests of the map that concern the organization: incoming (it owns the node) and its own. */
  async listFor(mapId: string, organizationId: string): Promise<AccessRequestDto[]> {
    const rows: DtoRow[] = await this.db.query(
      `${DTO_SELECT}
        WHERE r.map_id = $1 AND (r.owner_org_id = $2 OR r.requesting_org_id = $3)
        ORDER BY r.created_at DESC, r.id DESC LIMIT 500`,
      [mapId, organizationId, organizationId],
    );
    return rows.map(toDto);
  }

  async dto(requestId: string): Promise<AccessRequestDto> {
    const rows: DtoRow[] = await this.db.query(`${DTO_SELECT} WHERE r.id = $1`, [requestId]);
    return toDto(rows[0]);
  }

  /** Active people of an organization (recipients of a request). */
  async activeUsersOf(organizationId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      'SELECT id FROM users WHERE organization_id = $1 AND disabled_at IS NULL',
      [organizationId],
    );
    return rows.map((r) => r.id);
  }
}

function toDto(r: DtoRow): AccessRequestDto {
  return {
    id: r.id,
    mapId: r.map_id,
    nodeId: r.node_id,
    nodeType: r.node_type,
    requestingOrg: { id: r.requesting_org_id, name: r.requesting_name },
    requestedBy: r.requested_by_id
      ? { id: r.requested_by_id, name: r.requested_by_name ?? '' }
      : null,
    ownerOrg: { id: r.owner_org_id, name: r.owner_name },
    message: r.message,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    resolvedBy: r.resolved_by_id ? { id: r.resolved_by_id, name: r.resolved_by_name ?? '' } : null,
  };
}
