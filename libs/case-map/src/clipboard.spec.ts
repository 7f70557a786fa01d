import * as Y from 'yjs';
import {
  copyNodes,
  createEdge,
  createNode,
  MapModelError,
  MapUndo,
  pasteClip,
  readMap,
} from './index.js';
import type { MapDocs } from './index.js';

const ORG_A = '11111111-1111-4111-8111-111111111111';
const ORG_B = '22222222-2222-4222-8222-222222222222';
const A = { orgId: ORG_A, userId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' };
const B = { orgId: ORG_B, userId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' };

function clients() {
  const sharedA = new Y.Doc();
  const sharedB = new Y.Doc();
  sharedA.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(sharedB, u, 'remote');
  });
  sharedB.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(sharedA, u, 'remote');
  });
  const a: MapDocs = { shared: sharedA, layers: new Map([[ORG_A, new Y.Doc()]]) };
  const b: MapDocs = { shared: sharedB, layers: new Map([[ORG_B, new Y.Doc()]]) };
  return { a, b };
}

describe('copy and paste', () => {
  it('pastes copies with new ids, shifted, same sensitivity, with the edges between them', () => {
    const { a } = clients();
    const vessel = createNode(a, A, {
      type: 'vessel',
      x: 10,
      y: 20,
      name: 'Vessel',
      tags: ['fishing'],
    });
    const person = createNode(a, A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 100,
      y: 20,
      name: 'Recruiter',
      role: 'recruiter',
    });
    const outside = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'Not copied' });
    createEdge(a, A, { source: person, target: vessel, type: 'recruited', label: 'hired crew' });
    createEdge(a, A, { source: vessel, target: outside, type: 'related' });

    const clip = copyNodes(a, [vessel, person]);
    expect(clip.nodes).toHaveLength(2);
    expect(clip.edges).toHaveLength(1);
    const pasted = pasteClip(a, A, clip, { x: 40, y: 30 });

    const view = readMap(a);
    expect(pasted).toHaveLength(2);
    expect(pasted.some((id) => [vessel, person].includes(id))).toBe(false);
    const copies = view.nodes.filter((n) => pasted.includes(n.id));
    expect(copies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Vessel',
          x: 50,
          y: 50,
          sensitivity: 'shared',
          tags: ['fishing'],
        }),
        expect.objectContaining({ name: 'Recruiter', x: 140, y: 50, sensitivity: 'restricted' }),
      ]),
    );
    const newEdges = view.edges.filter(
      (e) => pasted.includes(e.source) && pasted.includes(e.target),
    );
    expect(newEdges).toEqual([expect.objectContaining({ type: 'recruited', label: 'hired crew' })]);
  });

  it('never copies another organization’s redacted node; the copy of a shared node belongs to the paster', () => {
    const { a, b } = clients();
    const secret = createNode(a, A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
      name: 'Secret',
    });
    const open = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'Open case' });
    const clip = copyNodes(b, [secret, open]);
    expect(clip.nodes.map((n) => n.id)).toEqual([open]);
    const [copy] = pasteClip(b, B, clip);
    expect(readMap(a).nodes.find((n) => n.id === copy)).toMatchObject({
      name: 'Open case',
      ownerOrgId: ORG_B,
      authorId: B.userId,
    });
  });

  it('refuses to paste restricted nodes without the own layer, writing nothing', () => {
    const { a } = clients();
    const secret = createNode(a, A, {
      type: 'person',
      sensitivity: 'private',
      x: 0,
      y: 0,
      name: 'Secret',
    });
    const open = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'Open' });
    const clip = copyNodes(a, [secret, open]);
    const noLayer: MapDocs = { shared: a.shared, layers: new Map() };
    expect(() => pasteClip(noLayer, A, clip)).toThrow(MapModelError);
    expect(readMap(a).nodes).toHaveLength(2);
  });

  it('undoes a paste in one step', async () => {
    const { a } = clients();
    const one = createNode(a, A, { type: 'case', x: 0, y: 0, name: 'One' });
    const two = createNode(a, A, {
      type: 'case',
      x: 0,
      y: 0,
      name: 'Two',
      sensitivity: 'restricted',
    });
    const undo = new MapUndo(a.shared, a.layers.get(ORG_A)!, 0);
    pasteClip(a, A, copyNodes(a, [one, two]));
    expect(readMap(a).nodes).toHaveLength(4);
    await Promise.resolve();
    undo.undo();
    expect(
      readMap(a)
        .nodes.map((n) => n.id)
        .sort(),
    ).toEqual([one, two].sort());
    undo.redo();
    expect(readMap(a).nodes).toHaveLength(4);
    undo.destroy();
  });
});
