import * as Y from 'yjs';
import {
  createEdge,
  createNode,
  deleteNodes,
  exportMapJson,
  importMapJson,
  MapModelError,
  MapUndo,
  moveNodes,
  parseMapJson,
  readMap,
  setNodeSensitivity,
  sharedEdges,
  sharedNodes,
  updateNode,
} from './index.js';
import type { MapDocs } from './index.js';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const USER_A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const USER_B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const A = { orgId: ORG_A, userId: USER_A };
const B = { orgId: ORG_B, userId: USER_B };

/** Org A's client (shared map + its layer) and org B's client (shared map + its layer), synced. */
function twoClients() {
  const sharedA = new Y.Doc();
  const sharedB = new Y.Doc();
  sharedA.on('update', (u: Uint8Array) => Y.applyUpdate(sharedB, u, 'remote'));
  sharedB.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(sharedA, u, 'remote');
  });
  const layerA = new Y.Doc();
  const layerB = new Y.Doc();
  const a: MapDocs = { shared: sharedA, layers: new Map([[ORG_A, layerA]]) };
  const b: MapDocs = { shared: sharedB, layers: new Map([[ORG_B, layerB]]) };
  return { a, b, layerA, sharedA };
}

const bytesContain = (doc: Y.Doc, marker: string) =>
  Buffer.from(Y.encodeStateAsUpdate(doc)).includes(Buffer.from(marker));

describe('case map model', () => {
  it('keeps restricted details in the owner layer: others see a stub, the owner sees everything', () => {
    const { a, b, layerA, sharedA } = twoClients();
    const id = createNode(a, A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 10,
      y: 20,
      name: 'MARKER-restricted-name',
      role: 'survivor',
      description: 'MARKER-restricted-description',
    });
    const seenByB = readMap(b).nodes.find((n) => n.id === id);
    expect(seenByB).toEqual({
      id,
      type: 'person',
      sensitivity: 'restricted',
      ownerOrgId: ORG_A,
      authorId: USER_A,
      x: 10,
      y: 20,
      redacted: true,
    });
    const seenByA = readMap(a).nodes.find((n) => n.id === id);
    expect(seenByA).toMatchObject({
      name: 'MARKER-restricted-name',
      role: 'survivor',
      redacted: false,
    });
    expect(bytesContain(sharedA, 'MARKER')).toBe(false);
    expect(bytesContain(layerA, 'MARKER-restricted-name')).toBe(true);
  });

  it('keeps private nodes and their edges off the shared map', () => {
    const { a, b, sharedA } = twoClients();
    const shared = createNode(a, A, { type: 'vessel', x: 0, y: 0, name: 'Public vessel' });
    const secret = createNode(a, A, {
      type: 'person',
      sensitivity: 'private',
      x: 5,
      y: 5,
      name: 'MARKER-private',
    });
    const edge = createEdge(a, A, {
      source: shared,
      target: secret,
      type: 'transported',
      label: 'MARKER-edge',
    });
    expect(readMap(b).nodes.map((n) => n.id)).toEqual([shared]);
    expect(readMap(b).edges).toEqual([]);
    expect(readMap(a).edges).toMatchObject([
      { id: edge, sensitivity: 'private', ownerOrgId: ORG_A },
    ]);
    expect(bytesContain(sharedA, 'MARKER')).toBe(false);
  });

  it('edits, moves and deletes nodes; deleting a node deletes its edges', () => {
    const { a, b } = twoClients();
    const one = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'Case 1' });
    const two = createNode(b, B, { type: 'business', x: 100, y: 0, name: 'Importer' });
    createEdge(b, B, { source: two, target: one, type: 'related' });
    updateNode(b, B, one, { name: 'Case 1 (renamed)', tags: ['forced-labor'] });
    moveNodes(b, [{ id: one, x: 42, y: 43 }]);
    expect(readMap(a).nodes.find((n) => n.id === one)).toMatchObject({
      name: 'Case 1 (renamed)',
      x: 42,
      y: 43,
      tags: ['forced-labor'],
    });
    deleteNodes(a, A, [one]);
    expect(readMap(b).nodes.map((n) => n.id)).toEqual([two]);
    expect(readMap(b).edges).toEqual([]);
  });

  it('refuses invalid input and edits of another organization’s restricted node', () => {
    const { a, b } = twoClients();
    expect(() => createNode(a, A, { type: 'planet' as never, x: 0, y: 0, name: 'x' })).toThrow(
      MapModelError,
    );
    expect(() =>
      createNode(a, A, { type: 'vessel', x: 0, y: 0, name: 'x', role: 'survivor' }),
    ).toThrow(/no role/);
    expect(() => createNode(a, A, { type: 'case', x: 0, y: 0, name: '' })).toThrow(MapModelError);
    const one = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'One' });
    expect(() => createEdge(a, A, { source: one, target: 'missing', type: 'related' })).toThrow(
      /two nodes/,
    );
    const hidden = createNode(a, A, {
      type: 'case',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
      name: 'Hidden',
    });
    expect(() => updateNode(b, B, hidden, { name: 'Hijacked' })).toThrow(/holds this node/);
    expect(() => deleteNodes(b, B, [hidden])).toThrow(/holds node/);
    expect(() => setNodeSensitivity(b, B, hidden, 'shared')).toThrow(/holds this node/);
  });

  it('tolerates garbage written by a faulty client: the rest of the map still loads', () => {
    const { a, b } = twoClients();
    const good = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'Good' });
    a.shared.transact(() => {
      const bad = new Y.Map<unknown>();
      bad.set('type', 'planet');
      sharedNodes(a.shared).set('bad', bad);
      const dangling = new Y.Map<unknown>();
      for (const [k, v] of Object.entries({
        type: 'related',
        source: good,
        target: 'nowhere',
        sensitivity: 'shared',
        ownerOrgId: ORG_A,
        authorId: null,
        directed: true,
        label: '',
        evidenceUrl: null,
        startDate: null,
        endDate: null,
      }))
        dangling.set(k, v);
      sharedEdges(a.shared).set('dangling', dangling);
    });
    const view = readMap(b);
    expect(view.nodes.map((n) => n.id)).toEqual([good]);
    expect(view.problems.map((p) => p.id).sort()).toEqual(['bad', 'dangling']);
  });

  it('moves a node between shared, restricted and private as its owner chooses', () => {
    const { a, b, sharedA } = twoClients();
    const id = createNode(a, A, {
      type: 'business',
      sensitivity: 'restricted',
      x: 1,
      y: 2,
      name: 'MARKER-supplier',
    });
    const other = createNode(b, B, { type: 'case', x: 0, y: 0, name: 'Case' });
    createEdge(b, B, { source: other, target: id, type: 'supplies' });
    setNodeSensitivity(a, A, id, 'shared');
    expect(readMap(b).nodes.find((n) => n.id === id)).toMatchObject({
      name: 'MARKER-supplier',
      redacted: false,
    });
    setNodeSensitivity(a, A, id, 'private');
    expect(readMap(b).nodes.map((n) => n.id)).toEqual([other]);
    expect(readMap(b).edges).toEqual([]);
    expect(readMap(a).edges).toHaveLength(1);
    expect(sharedNodes(sharedA).has(id)).toBe(false);
    setNodeSensitivity(a, A, id, 'restricted');
    expect(readMap(b).nodes.find((n) => n.id === id)).toMatchObject({ redacted: true, x: 1, y: 2 });
  });

  it('exports what the viewer may read and imports it back unchanged', () => {
    const { a, b } = twoClients();
    const one = createNode(a, A, {
      type: 'vessel',
      x: 0,
      y: 0,
      name: 'Vessel',
      identifiers: [{ key: 'IMO', value: '1234567' }],
    });
    const two = createNode(a, A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 9,
      y: 9,
      name: 'Recruiter',
      role: 'recruiter',
    });
    const three = createNode(a, A, {
      type: 'location',
      sensitivity: 'private',
      x: 3,
      y: 3,
      name: 'Port',
    });
    createEdge(a, A, { source: two, target: one, type: 'recruited' });
    createEdge(a, A, { source: one, target: three, type: 'located-in' });
    const fromB = exportMapJson(b, 'Map');
    expect(fromB.nodes.map((n) => n.id)).toEqual([one]);
    expect(fromB.edges).toEqual([]);

    const exported = exportMapJson(a, 'Map');
    const copy: MapDocs = { shared: new Y.Doc(), layers: new Map([[ORG_A, new Y.Doc()]]) };
    importMapJson(copy, A, parseMapJson(JSON.parse(JSON.stringify(exported))));
    const again = exportMapJson(copy, 'Map', new Date(exported.exportedAt!));
    expect(again).toEqual(exported);
    expect(() => parseMapJson({ format: 'something-else' })).toThrow(MapModelError);
    expect(() =>
      parseMapJson({ ...exported, edges: [{ ...exported.edges[0], target: 'gone' }] }),
    ).toThrow(MapModelError);
  });

  it('undoes only the user’s own edits, a restricted node in one step', () => {
    const { a, b } = twoClients();
    const undo = new MapUndo(a.shared, a.layers.get(ORG_A)!, 0);
    const theirs = createNode(b, B, { type: 'case', x: 0, y: 0, name: 'Theirs' });
    const mine = createNode(a, A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
      name: 'Mine',
    });
    expect(undo.canUndo).toBe(true);
    undo.undo();
    expect(readMap(a).nodes.map((n) => n.id)).toEqual([theirs]);
    undo.redo();
    expect(readMap(a).nodes.find((n) => n.id === mine)).toMatchObject({
      name: 'Mine',
      redacted: false,
    });
    undo.destroy();
  });
});
