import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { createEdge, createNode, sharedEdges, sharedNodes } from '@coalesce/case-map';
import { CASE_MAP_JSON_FORMAT } from '@coalesce/protocol';
import type { CaseMapJson, DocumentDto, ErrorBody } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import { settledFingerprint } from '../support/settled-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { expectError, expectStatus } from '../support/expect.js';
import { rawSocket } from '../collab/collab-fixtures.js';
import { MapSession, createMap, layersOf, openDoc, sendEdit } from './case-map-fixtures.js';

let t: TestApp;
let owner: Actor;
let member: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  // No background checkpoints: the fingerprints around refused calls must see only those calls.
  process.env.COLLAB_COMPACTION_INTERVAL_MS = '0';
  t = await startTestApp();
  delete process.env.COLLAB_COMPACTION_INTERVAL_MS;
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
  await joinCoalition(owner, observer, coalitionId, 'observer');
}, 240_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

async function connect(actor: Actor): Promise<Socket> {
  const socket = await rawSocket(t, actor.client.token);
  sockets.push(socket);
  return socket;
}

const orgOf = (actor: Actor) => actor.me.organization.id;

async function exportOf(actor: Actor, mapId: string): Promise<CaseMapJson> {
  return expectStatus(await actor.client.get<CaseMapJson>(`/case-maps/${mapId}/export.json`), 200);
}

async function importAs(actor: Actor, body: unknown) {
  return actor.client.post<DocumentDto>(`/coalitions/${coalitionId}/case-maps/import`, body);
}

/** The export without what an import is allowed to change: when, and who owns and wrote things. */
function comparable(json: CaseMapJson) {
  const { exportedAt: _at, ...rest } = json;
  return {
    ...rest,
    nodes: rest.nodes.map((n) => ({ ...n, ownerOrgId: 'owner', authorId: 'author' })),
    edges: rest.edges.map((e) => ({ ...e, ownerOrgId: 'owner', authorId: 'author' })),
  };
}

async function richMap(): Promise<{ map: DocumentDto; ids: Record<string, string> }> {
  const map = await createMap(owner, coalitionId, { title: 'Fishing supply chain' });
  const session = await MapSession.open(await connect(owner), owner, map.id);
  const ids: Record<string, string> = {};
  await session.edit((docs, actor) => {
    ids.vessel = createNode(docs, actor, {
      type: 'vessel',
      name: 'Tunago No. 61',
      identifiers: [{ key: 'Registry', value: 'Vanuatu-flagged' }],
      tags: ['fishing', 'withhold-release-order'],
      startDate: '2019-02-04',
      x: 10,
      y: 20,
    });
    ids.importer = createNode(docs, actor, {
      type: 'business',
      name: 'Importer X (synthetic)',
      sensitivity: 'restricted',
      description: 'Restricted importer detail',
      x: 200,
      y: 20,
    });
    ids.witness = createNode(docs, actor, {
      type: 'person',
      role: 'witness',
      name: 'Witness (synthetic)',
      sensitivity: 'private',
      x: 300,
      y: 90,
    });
    ids.supplies = createEdge(docs, actor, {
      source: ids.vessel,
      target: ids.importer,
      type: 'supplies',
      label: 'tuna',
      evidenceUrl: 'https://www.cbp.gov/newsroom',
    });
    ids.saw = createEdge(docs, actor, { source: ids.witness, target: ids.vessel, type: 'related' });
  });
  return { map, ids };
}

describe('case maps: JSON export and import', () => {
  it('exports what the caller may read in full, audited, and round-trips through an import', async () => {
    const { map, ids } = await richMap();
    const res = await owner.client.get<CaseMapJson>(`/case-maps/${map.id}/export.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="Fishing-supply-chain.json"',
    );
    const exported = res.body;
    expect(exported).toMatchObject({ format: CASE_MAP_JSON_FORMAT, version: 1, title: map.title });
    expect(exported.nodes.map((n) => n.id).sort()).toEqual(
      [ids.vessel, ids.importer, ids.witness].sort(),
    );
    expect(exported.edges.map((e) => e.id).sort()).toEqual([ids.supplies, ids.saw].sort());

    // Another organization exports only what it may read: no restricted or private data.
    const theirs = await exportOf(member, map.id);
    expect(theirs.nodes.map((n) => n.id)).toEqual([ids.vessel]);
    expect(theirs.edges).toEqual([]);
    expect(JSON.stringify(theirs)).not.toMatch(/Importer X|Witness|Restricted importer/);

    const audit = (await t.db.query(
      `SELECT action, actor_org_id, details FROM audit_log
        WHERE action IN ('case-map.exported', 'case-map.layer-read') AND details->>'mapId' = $1
          AND details->>'via' IS DISTINCT FROM 'doc:open' ORDER BY id`,
      [map.id],
    )) as Array<{ action: string; actor_org_id: string; details: Record<string, unknown> }>;
    expect(audit.map((a) => [a.action, a.actor_org_id, a.details.via ?? null])).toEqual([
      ['case-map.layer-read', orgOf(owner), 'export'],
      ['case-map.exported', orgOf(owner), null],
      ['case-map.exported', orgOf(member), null],
    ]);

    // Import by the owner organization, and by another member organization: same map again.
    for (const importer of [owner, member]) {
      const created = expectStatus(await importAs(importer, { map: exported }), 201);
      expect(created).toMatchObject({
        kind: 'case-map',
        title: map.title,
        ownerOrg: { id: orgOf(importer) },
        coalitionPermission: 'edit',
      });
      const layers = await layersOf(importer, created.id);
      expect(layers.layers).toEqual([expect.objectContaining({ own: true, permission: 'edit' })]);
      const again = await exportOf(importer, created.id);
      expect(comparable(again)).toEqual(comparable(exported));
      expect(again.nodes.every((n) => n.ownerOrgId === orgOf(importer))).toBe(true);
      // What was restricted stays restricted for the rest of the coalition.
      const other = importer === owner ? member : owner;
      expect((await exportOf(other, created.id)).nodes.map((n) => n.id)).toEqual([ids.vessel]);
    }
    const titled = expectStatus(await importAs(owner, { map: exported, title: 'Copy' }), 201);
    expect(titled.title).toBe('Copy');
    const imports = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'case-map.imported'`,
    );
    expect(imports).toEqual([{ n: 3 }]);
  });

  it('refuses a file that is not a valid map with 400 and the reasons, creating nothing', async () => {
    const valid = {
      format: CASE_MAP_JSON_FORMAT,
      version: 1,
      title: 'A map',
      nodes: [
        {
          id: 'n1',
          type: 'vessel',
          sensitivity: 'shared',
          ownerOrgId: orgOf(owner),
          authorId: null,
          x: 0,
          y: 0,
          name: 'Vessel',
        },
      ],
      edges: [],
    };
    const cases: Array<[unknown, string]> = [
      [{ ...valid, format: 'something-else' }, 'map.format'],
      [{ ...valid, version: 2 }, 'map.version'],
      [{ ...valid, nodes: [{ ...valid.nodes[0], type: 'spaceship' }] }, 'map.nodes.0.type'],
      [{ ...valid, nodes: [{ ...valid.nodes[0], x: 'left' }] }, 'map.nodes.0.x'],
      [
        {
          ...valid,
          edges: [
            {
              id: 'e1',
              source: 'n1',
              target: 'gone',
              type: 'related',
              sensitivity: 'shared',
              ownerOrgId: orgOf(owner),
              authorId: null,
            },
          ],
        },
        'map.edges.0.target',
      ],
      ['not even an object', 'map'],
    ];
    const before = await settledFingerprint(t);
    for (const [file, path] of cases) {
      const res = await importAs(owner, { map: file });
      const body = expectError(res, 400, 'VALIDATION_FAILED');
      expect(body.error.message).toBe('The file is not a valid case map.');
      expect(body.error.fields?.map((f) => f.path)).toContain(path);
    }
    expectError(await importAs(owner, { map: valid, extra: true }), 400, 'VALIDATION_FAILED');
    expectError(
      await importAs(owner, { map: valid, workingGroupId: '3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b' }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(await importAs(observer, { map: valid }), 403, 'FORBIDDEN');
    expectError(await importAs(outsider, { map: valid }), 404, 'NOT_FOUND');
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('tolerates garbage in the shared map: it opens, exports, and the map routes answer without crashing', async () => {
    const map = await createMap(owner, coalitionId);
    const s = await connect(owner);
    const { doc } = await openDoc(s, map.id);
    const ack = await sendEdit(s, map.id, doc, () => {
      const nodes = sharedNodes(doc);
      nodes.set(
        'spaceship',
        new Y.Map<unknown>([
          ['type', 'spaceship'],
          ['name', 'Unknown type'],
        ]),
      );
      nodes.set(
        'bad-x',
        new Y.Map<unknown>([
          ['type', 'vessel'],
          ['sensitivity', 'shared'],
          ['ownerOrgId', orgOf(owner)],
          ['x', 'left'],
          ['y', 0],
          ['name', 'Wrong type of field'],
        ]),
      );
      (nodes as unknown as Y.Map<unknown>).set('plain-value', 'not a map at all');
      nodes.set(
        'bad-stub',
        new Y.Map<unknown>([
          ['type', 'person'],
          ['sensitivity', 'restricted'],
          ['ownerOrgId', 'not-a-uuid'],
          ['x', 1],
          ['y', 1],
        ]),
      );
      nodes.set(
        'good',
        new Y.Map<unknown>([
          ['type', 'case'],
          ['sensitivity', 'shared'],
          ['ownerOrgId', orgOf(owner)],
          ['authorId', null],
          ['x', 5],
          ['y', 5],
          ['name', 'A valid case'],
        ]),
      );
      sharedEdges(doc).set(
        'dangling',
        new Y.Map<unknown>([
          ['source', 'good'],
          ['target', 'nowhere'],
          ['type', 'related'],
          ['sensitivity', 'shared'],
          ['ownerOrgId', orgOf(owner)],
        ]),
      );
      doc.getArray('unexpected').push(['top-level garbage']);
    });
    expect(ack.ok).toBe(true);

    const memberSocket = await connect(member);
    expect((await openDoc(memberSocket, map.id)).result.role).toBe('edit');
    const exported = await exportOf(member, map.id);
    expect(exported.nodes.map((n) => n.id)).toEqual(['good']);
    expect(exported.edges).toEqual([]);
    expect((await layersOf(member, map.id)).layers).toHaveLength(1);
    for (const nodeId of ['spaceship', 'bad-x', 'plain-value', 'bad-stub', 'good']) {
      const res = await member.client.post<ErrorBody>(`/case-maps/${map.id}/access-requests`, {
        nodeId,
        message: '',
      });
      expect({ nodeId, status: res.status }).toEqual({ nodeId, status: 404 });
    }
    for (const nodeId of ['spaceship', 'bad-x', 'plain-value', 'bad-stub', 'good', 'nowhere']) {
      const res = await owner.client.post<ErrorBody>(`/case-maps/${map.id}/nodes/${nodeId}/share`);
      expect({ nodeId, status: res.status < 500 }).toEqual({ nodeId, status: true });
    }
    // The garbage stays where it is; the valid part of the map is untouched.
    const reopened = await openDoc(memberSocket, map.id);
    expect(sharedNodes(reopened.doc).has('good')).toBe(true);
  });

  it('tolerates a map whose top-level structures have the wrong Yjs types', async () => {
    const map = await createMap(owner, coalitionId);
    const s = await connect(owner);
    const { doc } = await openDoc(s, map.id);
    const ack = await sendEdit(s, map.id, doc, () => {
      doc.getArray('nodes').push([{ id: 'n1', type: 'case', name: 'In an array' }, 42]);
      doc.getText('edges').insert(0, 'edges as text');
    });
    expect(ack.ok).toBe(true);
    const memberSocket = await connect(member);
    expect((await openDoc(memberSocket, map.id)).result.role).toBe('edit');
    const exported = await exportOf(member, map.id);
    expect([exported.nodes, exported.edges]).toEqual([[], []]);
    expectError(
      await member.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: 'n1',
        message: '',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(await owner.client.post(`/case-maps/${map.id}/nodes/n1/share`), 404, 'NOT_FOUND');
    expect((await layersOf(owner, map.id)).layers).toHaveLength(1);
  });
});
