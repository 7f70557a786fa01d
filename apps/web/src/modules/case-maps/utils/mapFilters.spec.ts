import { describe, expect, it } from '@jest/globals';
import { createEdge, createNode, readMap } from '@coalesce/case-map';
import { ACTOR_A, ACTOR_B, ORG_A, ORG_B, twoViewers } from '../../../test/caseMapDocs';
import {
  filtersActive,
  neighbourhood,
  NO_FILTERS,
  searchNodes,
  tagsInUse,
  visibleNodeIds,
} from './mapFilters';

/** A chain case – vessel – business – location, a dated person, and a restricted node of org A. */
function sample() {
  const { a, b } = twoViewers();
  const ids = {
    caseNode: createNode(a, ACTOR_A, {
      type: 'case',
      x: 0,
      y: 0,
      name: 'Withhold release order',
      tags: ['withhold-release-order'],
      startDate: '2019-02-04',
    }),
    vessel: createNode(a, ACTOR_A, {
      type: 'vessel',
      x: 0,
      y: 0,
      name: 'Tunago No. 61',
      tags: ['fishing'],
    }),
    business: createNode(b, ACTOR_B, {
      type: 'business',
      x: 0,
      y: 0,
      name: 'Importer Ltd',
      tags: ['seafood'],
    }),
    location: createNode(b, ACTOR_B, { type: 'location', x: 0, y: 0, name: 'Pago Pago' }),
    person: createNode(b, ACTOR_B, {
      type: 'person',
      x: 0,
      y: 0,
      name: 'Crew member (synthetic)',
      startDate: '2017-01-01',
      endDate: '2018-06-30',
    }),
    secret: createNode(a, ACTOR_A, {
      type: 'person',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
      name: 'Recruiter',
      tags: ['fishing'],
    }),
  };
  createEdge(a, ACTOR_A, { source: ids.caseNode, target: ids.vessel, type: 'related' });
  createEdge(a, ACTOR_A, { source: ids.vessel, target: ids.business, type: 'supplies' });
  createEdge(b, ACTOR_B, { source: ids.business, target: ids.location, type: 'located-in' });
  return { a, b, ids };
}

const sorted = (set: Set<string>) => [...set].sort();

describe('map views', () => {
  it('shows everything without filters', () => {
    const { b, ids } = sample();
    expect(filtersActive(NO_FILTERS)).toBe(false);
    expect(visibleNodeIds(readMap(b), NO_FILTERS).size).toBe(Object.keys(ids).length);
  });

  it('filters by type, owning organization and tag (stubs have no tags to match)', () => {
    const { b, ids } = sample();
    const view = readMap(b);
    expect(sorted(visibleNodeIds(view, { ...NO_FILTERS, types: ['person'] }))).toEqual(
      [ids.person, ids.secret].sort(),
    );
    expect(sorted(visibleNodeIds(view, { ...NO_FILTERS, orgIds: [ORG_B] }))).toEqual(
      [ids.business, ids.location, ids.person].sort(),
    );
    // Org B sees the restricted node as a stub: its tags are not B's to see.
    expect(sorted(visibleNodeIds(view, { ...NO_FILTERS, tags: ['fishing'] }))).toEqual([
      ids.vessel,
    ]);
    expect(
      sorted(visibleNodeIds(readMap(sample().a), { ...NO_FILTERS, tags: ['fishing'] })).length,
    ).toBe(2);
    expect(
      sorted(visibleNodeIds(view, { ...NO_FILTERS, types: ['person'], orgIds: [ORG_A] })),
    ).toEqual([ids.secret]);
  });

  it('filters by a date range overlapping each node’s period; undated nodes are hidden then', () => {
    const { b, ids } = sample();
    const view = readMap(b);
    expect(
      sorted(visibleNodeIds(view, { ...NO_FILTERS, from: '2018-01-01', to: '2018-12-31' })),
    ).toEqual([ids.person]);
    expect(sorted(visibleNodeIds(view, { ...NO_FILTERS, from: '2019-01-01' }))).toEqual([
      ids.caseNode,
    ]);
    expect(visibleNodeIds(view, { ...NO_FILTERS, to: '2016-12-31' }).size).toBe(0);
  });

  it('focuses on a node and its neighbours within N hops, both directions', () => {
    const { b, ids } = sample();
    const view = readMap(b);
    expect(sorted(neighbourhood(view, ids.vessel, 1))).toEqual(
      [ids.caseNode, ids.vessel, ids.business].sort(),
    );
    expect(
      sorted(visibleNodeIds(view, { ...NO_FILTERS, focus: { nodeId: ids.caseNode, hops: 3 } })),
    ).toEqual([ids.caseNode, ids.vessel, ids.business, ids.location].sort());
    // Focus and filters combine; the focused node itself stays.
    expect(
      sorted(
        visibleNodeIds(view, {
          ...NO_FILTERS,
          types: ['location'],
          focus: { nodeId: ids.caseNode, hops: 3 },
        }),
      ),
    ).toEqual([ids.caseNode, ids.location].sort());
    // A focus on a node that was deleted meanwhile is ignored.
    expect(visibleNodeIds(view, { ...NO_FILTERS, focus: { nodeId: 'gone', hops: 1 } }).size).toBe(
      6,
    );
  });

  it('searches names case- and accent-insensitively, prefix matches first, never in stubs', () => {
    const { a, b, ids } = sample();
    createNode(a, ACTOR_A, { type: 'organization', x: 0, y: 0, name: 'Fundación Pago' });
    const view = readMap(b);
    expect(searchNodes(view, 'pago').map((n) => (n.redacted ? '' : n.name))).toEqual([
      'Pago Pago',
      'Fundación Pago',
    ]);
    expect(searchNodes(view, 'FUNDACION').length).toBe(1);
    expect(searchNodes(view, 'recruiter')).toEqual([]);
    expect(searchNodes(readMap(a), 'recruiter').map((n) => n.id)).toEqual([ids.secret]);
    expect(searchNodes(view, '   ')).toEqual([]);
    expect(tagsInUse(view)).toEqual(['fishing', 'seafood', 'withhold-release-order']);
  });
});
