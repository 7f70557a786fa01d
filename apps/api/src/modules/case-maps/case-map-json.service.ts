import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import * as Y from 'yjs';
import { MapModelError, exportMapJson, importMapJson, parseMapJson } from '@coalesce/case-map';
import type { CoalitionRole } from '@coalesce/domain';
import type { CaseMapImport, CaseMapJson, DocumentDto } from '@coalesce/protocol';
import { AccessPolicy } from '../../core/access/access-policy.service.js';
import { AuditLogService } from '../../core/audit/audit-log.service.js';
import type { AuthUser } from '../../core/auth/auth-user.js';
import { AppError } from '../../core/errors/app-error.js';
import type { RequestMeta } from '../../core/http/request-meta.js';
import { LiveEvents } from '../../core/realtime/live-events.js';
import { LayerReadAudit } from '../collab/layer-read-audit.js';
import { DocStore } from '../collab/doc-store.js';
import { safeFileName } from '../documents/document-export.service.js';
import { DocumentsService } from '../documents/documents.service.js';
import { CaseMapLayersRepository } from './case-map-layers.repository.js';
import type { LayerRow } from './case-map-layers.repository.js';
import { CaseMapLayersService } from './case-map-layers.service.js';
import { MapDocuments } from './map-documents.js';

/**
 * A case map as a JSON file: the export holds what the caller may read in full (the shared map and
 * the layers the caller may open; every layer read is audited); an import validates the file first
 * (400 with the reasons, nothing created) and writes a new map owned by the caller's organization,
 * restricted and private data in its own new layer.
 */
@Injectable()
export class CaseMapJsonService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly layers: CaseMapLayersService,
    private readonly layersRepo: CaseMapLayersRepository,
    private readonly documents: MapDocuments,
    private readonly store: DocStore,
    private readonly policy: AccessPolicy,
    private readonly layerReads: LayerReadAudit,
    private readonly audit: AuditLogService,
    private readonly documentsService: DocumentsService,
    private readonly live: LiveEvents,
  ) {}

  async export(
    user: AuthUser,
    mapId: string,
    meta: RequestMeta,
  ): Promise<{ fileName: string; json: CaseMapJson }> {
    const map = await this.layers.requireMap(mapId);
    const readable: LayerRow[] = [];
    for (const layer of await this.layersRepo.layersOf(map.id)) {
      const access = await this.policy.documentAccess(user, layer.docId);
      if (access.permission && access.layer) readable.push(layer);
    }
    for (const layer of readable) {
      await this.layerReads.record({
        user,
        layerId: layer.docId,
        layer: { mapId: map.id, ownerOrgId: layer.organizationId },
        coalitionId: map.coalitionId,
        via: 'export',
      });
    }
    const loaded = await this.documents.load(map.id, readable);
    try {
      const json = exportMapJson(loaded.docs, map.title);
      await this.audit.record({
        action: 'case-map.exported',
        actor: { userId: user.id, organizationId: user.organizationId },
        organizationId: user.organizationId,
        coalitionId: map.coalitionId,
        target: { type: 'case-map', id: map.id },
        ip: meta.ip,
        details: {
          mapId: map.id,
          title: map.title,
          nodes: json.nodes.length,
          edges: json.edges.length,
          layerOwnerOrgIds: readable.map((l) => l.organizationId),
        },
      });
      return { fileName: `${safeFileName(map.title)}.json`, json };
    } finally {
      this.documents.destroy(loaded);
    }
  }

  async import(
    user: AuthUser,
    coalitionId: string,
    role: CoalitionRole,
    input: CaseMapImport,
    meta: RequestMeta,
  ): Promise<DocumentDto> {
    const file = parseFile(input.map);
    const title = input.title ?? file.title;
    const shared = new Y.Doc();
    const layer = new Y.Doc();
    try {
      importMapJson(
        { shared, layers: new Map([[user.organizationId, layer]]) },
        { orgId: user.organizationId, userId: user.id },
        file,
      );
    } catch (error) {
      if (error instanceof MapModelError) throw invalidFile(error);
      throw error;
    }
    const mapId = await this.db.transaction(async (m) => {
      if (input.workingGroupId) {
        const group = await m.query(
          'SELECT 1 FROM working_groups WHERE id = $1 AND coalition_id = $2',
          [input.workingGroupId, coalitionId],
        );
        if (!group.length)
          throw AppError.validation([
            { path: 'workingGroupId', message: 'No such working group in this coalition.' },
          ]);
      }
      const [{ id }]: Array<{ id: string }> = await m.query(
        `INSERT INTO documents (coalition_id, owner_org_id, working_group_id, kind, title,
                                coalition_permission, created_by_user_id, updated_by_user_id)
         VALUES ($1, $2, $3, 'case-map', $4, 'edit', $5, $5) RETURNING id`,
        [coalitionId, user.organizationId, input.workingGroupId ?? null, title, user.id],
      );
      await this.store.create(m, id, Y.encodeStateAsUpdate(shared));
      await this.layersRepo.createLayer(
        m,
        { id, coalitionId },
        user.organizationId,
        user.id,
        Y.encodeStateAsUpdate(layer),
      );
      await this.audit.record(
        {
          action: 'case-map.imported',
          actor: { userId: user.id, organizationId: user.organizationId },
          organizationId: user.organizationId,
          coalitionId,
          target: { type: 'case-map', id },
          ip: meta.ip,
          details: { mapId: id, title, nodes: file.nodes.length, edges: file.edges.length },
        },
        m,
      );
      return id;
    });
    shared.destroy();
    layer.destroy();
    const audience = [...(await this.policy.documentAudience(mapId)).keys()];
    if (audience.length)
      this.live.entityChanged({
        coalitionId,
        type: 'document',
        id: mapId,
        action: 'created',
        organizationIds: audience,
      });
    return this.documentsService.get(user, mapId, role);
  }
}

function parseFile(input: unknown): CaseMapJson {
  try {
    return parseMapJson(input);
  } catch (error) {
    if (error instanceof MapModelError) throw invalidFile(error);
    throw error;
  }
}

/** 400 with every reason, paths relative to the request body (`map.nodes.3.type`). */
function invalidFile(error: MapModelError): AppError {
  const fields = error.fields.length
    ? error.fields.map((f) => ({ path: f.path ? `map.${f.path}` : 'map', message: f.message }))
    : [{ path: 'map', message: error.message }];
  return AppError.validation(fields, 'The file is not a valid case map.');
}
