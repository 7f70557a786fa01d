import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { createEdge, createNode, readMap } from '@coalesce/case-map';
import { replaceOrgMapItems } from './map-placeholders.js';

const OWNER = {
  orgId: '11111111-1111-4111-8111-111111111111',
  userId: '21111111-1111-4111-8111-111111111111',
};
const LEAVING = {
  orgId: '33333333-3333-4333-8333-333333333333',
  userId: '43333333-3333-4333-8333-333333333333',
};
const PLACEHOLDER = '[removed: Leaving Org left the coalition]';

describe('replaceOrgMapItems', () => {
  it('turns the organization’s nodes into placeholder stubs and removes its edges, leaving others’ intact', () => {
    const shared = new Y.Doc();
    const ownerLayer = new Y.Doc();
    const leavingLayer = new Y.Doc();
    const docs = {
      shared,
      layers: new Map([
        [OWNER.orgId, ownerLayer],
        [LEAVING.orgId, leavingLayer],
      ]),
    };
    const vessel = createNode(docs, OWNER, { type: 'vessel', name: 'Tunago No. 61', x: 0, y: 0 });
    const recruiter = createNode(docs, LEAVING, {
      type: 'person',
      name: 'Recruiter J. Doe',
      description: 'Phone +1 555 0100, seen in port',
      tags: ['recruiter'],
      role: 'recruiter',
      x: 100,
      y: 50,
    });
    const witness = createNode(docs, LEAVING, {
      type: 'person',
      name: 'Protected witness',
      sensitivity: 'restricted',
      x: 200,
      y: 50,
    });
    createEdge(docs, LEAVING, { source: recruiter, target: vessel, type: 'recruited' });
    const ownerEdge = createEdge(docs, OWNER, {
      source: vessel,
      target: recruiter,
      type: 'related',
      label: 'crew agent',
    });

    const counts = replaceOrgMapItems(shared, LEAVING.orgId, PLACEHOLDER);
    expect(counts).toEqual({ nodes: 2, edges: 1 });

    const view = readMap({ shared, layers: new Map() });
    expect(view.problems).toEqual([]);
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    expect(byId.get(vessel)).toMatchObject({ name: 'Tunago No. 61', redacted: false });
    expect(byId.get(recruiter)).toMatchObject({
      type: 'person',
      sensitivity: 'shared',
      ownerOrgId: LEAVING.orgId,
      authorId: null,
      name: PLACEHOLDER,
      description: '',
      tags: [],
      role: null,
      x: 100,
      y: 50,
    });
    expect(byId.get(witness)).toMatchObject({ sensitivity: 'shared', name: PLACEHOLDER });
    expect(view.edges.map((e) => e.id)).toEqual([ownerEdge]);
    expect(Buffer.from(Y.encodeStateAsUpdate(shared)).toString('latin1')).not.toContain(
      'Recruiter',
    );

    expect(replaceOrgMapItems(shared, LEAVING.orgId, PLACEHOLDER)).toEqual({ nodes: 0, edges: 0 });
  });
});
