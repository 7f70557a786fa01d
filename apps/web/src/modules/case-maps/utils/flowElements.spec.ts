import { describe, expect, it } from '@jest/globals';
import { createEdge, createNode, readMap } from '@coalesce/case-map';
import { mergeFlowEdges, mergeFlowNodes, toFlowEdges, toFlowNodes } from './flowElements';
import { ACTOR_A, ORG_A, ORG_B, twoViewers } from '../../../test/caseMapDocs';

function sample() {
  const { a, b } = twoViewers();
  const vessel = createNode(a, ACTOR_A, { type: 'vessel', x: 10, y: 20, name: 'Tunago No. 61' });
  const recruiter = createNode(a, ACTOR_A, {
    type: 'person',
    sensitivity: 'restricted',
    x: 300,
    y: 20,
    name: 'Secret recruiter',
    role: 'recruiter',
  });
  const port = createNode(a, ACTOR_A, {
    type: 'location',
    sensitivity: 'private',
    x: 0,
    y: 200,
    name: 'Port',
  });
  createEdge(a, ACTOR_A, { source: recruiter, target: vessel, type: 'recruited' });
  createEdge(a, ACTOR_A, { source: vessel, target: port, type: 'located-in', directed: false });
  return { a, b, vessel, recruiter, port };
}

const ctx = (visible: string[], myOrgId = ORG_A) => ({
  visible: new Set(visible),
  orgNames: new Map([[ORG_A, 'Polaris']]),
  myOrgId,
  marks: new Map(),
  editable: true,
});

describe('merged map → React Flow', () => {
  it('draws another organization’s restricted node as a stub, with no detail in its data', () => {
    const { b, vessel, recruiter } = sample();
    const view = readMap(b);
    const nodes = toFlowNodes(view, ctx([vessel, recruiter], ORG_B));
    const stub = nodes.find((n) => n.id === recruiter)!;
    expect(stub.type).toBe('redacted-node');
    expect(stub.data.ownerName).toBe('Polaris');
    expect(stub.data.mine).toBe(false);
    expect(JSON.stringify(stub)).not.toContain('Secret recruiter');
    expect(nodes.find((n) => n.id === vessel)).toMatchObject({
      type: 'map-node',
      position: { x: 10, y: 20 },
    });
  });

  it('draws the owner’s restricted and private nodes in full, and only the visible ones', () => {
    const { a, vessel, recruiter, port } = sample();
    const view = readMap(a);
    const all = toFlowNodes(view, ctx([vessel, recruiter, port]));
    expect(all.map((n) => n.type)).toEqual(['map-node', 'map-node', 'map-node']);
    expect(toFlowNodes(view, ctx([vessel])).map((n) => n.id)).toEqual([vessel]);
    const unknown = toFlowNodes(view, { ...ctx([vessel]), orgNames: new Map() });
    expect(unknown[0].data.ownerName).toBe('Unknown organization');
  });

  it('labels edges, arrows directed ones, dashes private ones, hides those to hidden nodes', () => {
    const { a, vessel, recruiter, port } = sample();
    const view = readMap(a);
    const edges = toFlowEdges(view, new Set([vessel, recruiter, port]));
    const recruited = edges.find((e) => e.source === recruiter)!;
    expect(recruited.label).toBe('recruited');
    expect(recruited.markerEnd).toBeDefined();
    const located = edges.find((e) => e.target === port)!;
    expect(located.label).toBe('located in');
    expect(located.markerEnd).toBeUndefined();
    expect(located.className).toBe('case-map-edge-private');
    expect(toFlowEdges(view, new Set([vessel, recruiter])).map((e) => e.source)).toEqual([
      recruiter,
    ]);
  });

  it('keeps the local selection and a drag in progress when the documents change', () => {
    const { a, vessel, recruiter } = sample();
    const first = toFlowNodes(readMap(a), ctx([vessel, recruiter]));
    const local = first.map((n) =>
      n.id === vessel
        ? {
            ...n,
            selected: true,
            dragging: true,
            position: { x: 99, y: 99 },
            measured: { width: 200, height: 80 },
          }
        : n,
    );
    const rebuilt = toFlowNodes(readMap(a), ctx([vessel, recruiter]));
    const merged = mergeFlowNodes(local, rebuilt);
    expect(merged.find((n) => n.id === vessel)).toMatchObject({
      selected: true,
      position: { x: 99, y: 99 },
      measured: { width: 200, height: 80 },
    });
    // Not dragged any more: the documents' position wins.
    const dropped = mergeFlowNodes(
      local.map((n) => ({ ...n, dragging: false })),
      rebuilt,
    );
    expect(dropped.find((n) => n.id === vessel)?.position).toEqual({ x: 10, y: 20 });

    const edges = toFlowEdges(readMap(a), new Set([vessel, recruiter]));
    const kept = mergeFlowEdges(
      edges.map((e) => ({ ...e, selected: true })),
      toFlowEdges(readMap(a), new Set([vessel, recruiter])),
    );
    expect(kept.every((e) => e.selected)).toBe(true);
  });
});
