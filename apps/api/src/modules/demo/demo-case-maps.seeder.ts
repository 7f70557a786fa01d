import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { createEdge, createNode } from '@coalesce/case-map';
import type { MapDocs } from '@coalesce/case-map';
import { MAP_NODE_TYPE_LABELS } from '@coalesce/domain';
import { DocStore } from '../collab/doc-store.js';
import { CaseMapLayersRepository } from '../case-maps/case-map-layers.repository.js';
import { DEMO_MAPS } from './demo-case-maps.js';
import type { DemoMap } from './demo-case-maps.js';
import type { DemoIds } from './demo-documents.seeder.js';

type DemoUser = { id: string; organization_id: string };

/**
 * Writes the demo case maps with the same model the clients use: the shared map, each organization's
 * private layer (restricted details and private nodes), a layer grant and a pending access request
 * with its notification. Runs inside the demo seed's transaction.
 */
@Injectable()
export class DemoCaseMapsSeeder {
  constructor(
    private readonly store: DocStore,
    private readonly layers: CaseMapLayersRepository,
  ) {}

  async seed(m: EntityManager, ids: DemoIds): Promise<void> {
    const users: Array<DemoUser & { email: string }> = await m.query(
      'SELECT id, email, organization_id FROM users',
    );
    const user = (email: string): DemoUser => {
      const found = users.find((u) => u.email === email);
      if (!found) throw new Error(`demo person ${email} is missing`);
      return found;
    };
    for (const map of DEMO_MAPS) await this.seedMap(m, ids, map, user);
  }

  private async seedMap(
    m: EntityManager,
    ids: DemoIds,
    demo: DemoMap,
    user: (email: string) => DemoUser,
  ): Promise<void> {
    const org = (key: string) => {
      const id = ids.orgIds.get(key);
      if (!id) throw new Error(`demo organization ${key} is missing`);
      return id;
    };
    const holders = new Set([...demo.nodes.map((n) => n.org), ...demo.edges.map((e) => e.org)]);
    const docs: MapDocs = {
      shared: new Y.Doc(),
      layers: new Map([...holders].map((key) => [org(key), new Y.Doc()])),
    };
    const nodeIds = new Map<string, string>();
    for (const { key, org: holder, author, ...node } of demo.nodes) {
      nodeIds.set(key, createNode(docs, { orgId: org(holder), userId: user(author).id }, node));
    }
    for (const { from, to, org: holder, author, ...edge } of demo.edges) {
      createEdge(
        docs,
        { orgId: org(holder), userId: user(author).id },
        { ...edge, source: nodeIds.get(from)!, target: nodeIds.get(to)! },
      );
    }

    const author = user(demo.author);
    const [{ id: mapId }]: Array<{ id: string }> = await m.query(
      `INSERT INTO documents (coalition_id, owner_org_id, working_group_id, kind, title,
                              coalition_permission, created_by_user_id, updated_by_user_id,
                              created_at, updated_at)
       VALUES ($1, $2, $3, 'case-map', $4, 'edit', $5, $6, now() - interval '4 days', now() - interval '2 hours')
       RETURNING id`,
      [
        ids.coalitionId,
        org(demo.owner),
        ids.groupIds.get(demo.workingGroup) ?? null,
        demo.title,
        author.id,
        author.id,
      ],
    );
    await this.store.create(m, mapId, Y.encodeStateAsUpdate(docs.shared));
    const layerIds = new Map<string, string>();
    for (const [orgId, layer] of docs.layers) {
      layerIds.set(
        orgId,
        await this.layers.createLayer(
          m,
          { id: mapId, coalitionId: ids.coalitionId },
          orgId,
          null,
          Y.encodeStateAsUpdate(layer),
        ),
      );
    }
    for (const grant of demo.grants ?? []) {
      await m.query(
        `INSERT INTO case_map_layer_grants (layer_id, organization_id, granted_by_user_id)
         VALUES ($1, $2, $3)`,
        [layerIds.get(org(grant.owner)), org(grant.to), user(grant.by).id],
      );
    }
    for (const request of demo.requests ?? []) {
      const node = demo.nodes.find((n) => n.key === request.node)!;
      const requester = user(request.by);
      await m.query(
        `INSERT INTO case_map_access_requests
           (map_id, node_id, node_type, owner_org_id, requesting_org_id, requested_by_user_id, message)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          mapId,
          nodeIds.get(node.key),
          node.type,
          org(node.org),
          org(request.org),
          requester.id,
          request.message,
        ],
      );
      await m.query(
        `INSERT INTO notifications (user_id, kind, actor_user_id, coalition_id, document_id, excerpt)
         SELECT id, 'map-access-request', $2, $3, $4, $5 FROM users WHERE organization_id = $1`,
        [
          org(node.org),
          requester.id,
          ids.coalitionId,
          mapId,
          `${MAP_NODE_TYPE_LABELS[node.type]} node: ${request.message}`.slice(0, 140),
        ],
      );
    }
    docs.shared.destroy();
    for (const layer of docs.layers.values()) layer.destroy();
  }
}
