import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import {
  createEdge,
  createNode,
  moveNodes,
  readMap,
  updateEdge,
  updateNode,
} from '@coalesce/case-map';
import type { MapDocs } from '@coalesce/case-map';
import { CollabClient } from '@coalesce/collab-client';
import type { DocHandle } from '@coalesce/collab-client';
import type { EntityChanged } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { expectStatus } from '../support/expect.js';
import { waitUntil } from '../collab/collab-fixtures.js';
import { createMap, layersOf, ownLayerId } from './case-map-fixtures.js';
import { WireRecorder, decodedContent } from './wire-recorder.js';

/**
 * The Done-when proof of issue 5: users of organizations A and B open the same map through
 * libs/collab-client; every byte B receives (all its WebSocket messages from the handshake on, and
 * its REST responses) is recorded while A creates, edits and moves restricted and private nodes and
 * edges and sets awareness. No restricted or private value of A reaches B — while a colleague of A,
 * recorded the same way, receives every one of them (so the test can fail).
 */
let t: TestApp;
let a: Actor;
let aColleague: Actor;
let b: Actor;
let coalitionId: string;
const clients: CollabClient[] = [];

beforeAll(async () => {
  t = await startTestApp();
  a = await signUpOrg(t, 'org-a');
  aColleague = await addColleague(t, a);
  b = await signUpOrg(t, 'org-b');
  coalitionId = (await createCoalition(a)).id;
  await joinCoalition(a, b, coalitionId, 'member');
}, 240_000);
afterAll(async () => {
  for (const c of clients) c.close();
  await t?.close();
});

const tag = randomBytes(4).toString('hex');
/** A unique marker per field: lower-case words so it is also a valid tag. */
const m = (label: string) => `mkr-${tag}-${label}`;

function client(actor: Actor, recorder?: WireRecorder): CollabClient {
  const c = new CollabClient({
    url: t.baseUrl,
    getToken: async () => actor.client.token!,
    socketFactory: recorder?.socketFactory(),
    awarenessThrottleMs: 10,
  });
  clients.push(c);
  return c;
}

/** Opens a document into a Y.Doc that keeps every update it receives (for the decoded check). */
function open(c: CollabClient, docId: string, received: Uint8Array[]): DocHandle {
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === c) received.push(update);
  });
  return c.openDoc(docId, doc);
}

describe('case maps: redaction on the wire', () => {
  it('sends no restricted or private value of one organization to another, in sync, live updates, awareness or REST', async () => {
    const orgA = a.me.organization.id;
    const orgB = b.me.organization.id;
    const map = await createMap(a, coalitionId, { title: 'Redaction proof' });
    const layerA = await ownLayerId(a, map.id);

    // --- A builds the map through its own client.
    const clientA = client(a);
    const aShared = open(clientA, map.id, []);
    const aLayer = open(clientA, layerA, []);
    await Promise.all([aShared.whenSynced(), aLayer.whenSynced()]);
    const docsA: MapDocs = { shared: aShared.doc, layers: new Map([[orgA, aLayer.doc]]) };
    const actorA = { orgId: orgA, userId: a.me.id };
    const linkId = randomUUID();
    const secret: string[] = [];
    const s = (label: string) => {
      const value = m(label);
      secret.push(value);
      return value;
    };
    const ids: Record<string, string> = {};
    ids.vessel = createNode(docsA, actorA, {
      type: 'vessel',
      name: m('shared-vessel'),
      x: 0,
      y: 0,
    });
    ids.survivor = createNode(docsA, actorA, {
      type: 'person',
      sensitivity: 'restricted',
      role: 'survivor',
      name: s('r-person-name'),
      description: s('r-person-description'),
      tags: [s('r-person-tag')],
      startDate: '1903-04-05',
      endDate: '1903-05-06',
      x: 100,
      y: 0,
    });
    ids.importer = createNode(docsA, actorA, {
      type: 'business',
      sensitivity: 'restricted',
      name: s('r-business-name'),
      description: s('r-business-description'),
      tags: [s('r-business-tag')],
      identifiers: [{ key: s('r-id-key'), value: s('r-id-value') }],
      link: { kind: 'task', id: linkId },
      x: 200,
      y: 0,
    });
    ids.witness = createNode(docsA, actorA, {
      type: 'person',
      sensitivity: 'private',
      role: 'witness',
      name: s('p-person-name'),
      description: s('p-person-description'),
      tags: [s('p-person-tag')],
      startDate: '1904-07-08',
      x: 300,
      y: 0,
    });
    ids.case = createNode(docsA, actorA, {
      type: 'case',
      sensitivity: 'private',
      name: s('p-case-name'),
      identifiers: [{ key: 'case', value: s('p-case-number') }],
      x: 400,
      y: 0,
    });
    ids.restrictedEdge = createEdge(docsA, actorA, {
      source: ids.survivor,
      target: ids.vessel,
      type: 'employed',
      sensitivity: 'private',
      label: s('edge-label-restricted'),
      evidenceUrl: `https://evidence.example/${s('edge-evidence-restricted')}`,
      startDate: '1905-09-10',
    });
    ids.privateEdge = createEdge(docsA, actorA, {
      source: ids.witness,
      target: ids.vessel,
      type: 'related',
      label: s('edge-label-private'),
      evidenceUrl: `https://evidence.example/${s('edge-evidence-private')}`,
    });
    ids.sharedEdge = createEdge(docsA, actorA, {
      source: ids.vessel,
      target: ids.importer,
      type: 'supplies',
      label: m('shared-edge-label'),
    });
    await Promise.all([aShared.whenSynced(), aLayer.whenSynced()]);

    // --- B (recorded from before its handshake) and a colleague of A (the control) connect.
    const wireB = new WireRecorder();
    const clientB = client(b, wireB);
    const entityB: EntityChanged[] = [];
    clientB.on('entity:changed', (e) => entityB.push(e));
    await clientB.presence.join(coalitionId, { page: 'case-map', docId: map.id });
    const layersB = (await wireB.request(t, b, 'GET', `/case-maps/${map.id}/layers`)).json as {
      layers: Array<{ docId: string; own: boolean; organization: { id: string } }>;
    };
    expect(layersB.layers.map((l) => [l.organization.id, l.own])).toEqual([[orgB, true]]);
    const receivedB: Uint8Array[] = [];
    const bShared = open(clientB, map.id, receivedB);
    const bLayer = open(clientB, layersB.layers[0].docId, receivedB);
    await Promise.all([bShared.whenSynced(), bLayer.whenSynced()]);

    const wireA2 = new WireRecorder();
    const clientA2 = client(aColleague, wireA2);
    const receivedA2: Uint8Array[] = [];
    const a2Shared = open(clientA2, map.id, receivedA2);
    const a2Layer = open(clientA2, layerA, receivedA2);
    await Promise.all([a2Shared.whenSynced(), a2Layer.whenSynced()]);
    await clientA.presence.join(coalitionId, { page: 'case-map', docId: map.id });

    // --- Live: A edits details, adds nodes and edges, moves, and sets awareness.
    updateNode(docsA, actorA, ids.survivor, {
      name: s('live-r-person-name'),
      description: s('live-r-person-description'),
    });
    updateNode(docsA, actorA, ids.witness, { name: s('live-p-person-name') });
    ids.recruiter = createNode(docsA, actorA, {
      type: 'person',
      sensitivity: 'restricted',
      role: 'recruiter',
      name: s('live-r-recruiter-name'),
      x: 500,
      y: 100,
    });
    ids.location = createNode(docsA, actorA, {
      type: 'location',
      sensitivity: 'private',
      name: s('live-p-location-name'),
      x: 600,
      y: 100,
    });
    ids.liveEdge = createEdge(docsA, actorA, {
      source: ids.recruiter,
      target: ids.location,
      type: 'located-in',
      label: s('live-edge-label'),
    });
    updateEdge(docsA, actorA, ids.restrictedEdge, { label: s('live-edge-label-changed') });
    moveNodes(docsA, [
      { id: ids.survivor, x: 555, y: 666 },
      { id: ids.witness, x: 777, y: 888 },
    ]);
    aShared.awareness.setLocalState({
      user: { id: a.me.id, name: a.me.name },
      selection: [ids.survivor],
      cursor: { x: 12.5, y: 34.5 },
    });
    aLayer.awareness.setLocalState({
      user: { id: a.me.id, name: a.me.name },
      selection: [ids.witness],
      draft: s('awareness-layer-draft'),
    });
    await Promise.all([aShared.whenSynced(), aLayer.whenSynced()]);

    const viewB = () => readMap({ shared: bShared.doc, layers: new Map([[orgB, bLayer.doc]]) });
    await waitUntil(
      () => {
        const nodes = viewB().nodes;
        return (
          nodes.some((n) => n.id === ids.recruiter) &&
          nodes.some((n) => n.id === ids.survivor && n.x === 555)
        );
      },
      15_000,
      'B to receive the live changes of the shared map',
    );
    await waitUntil(
      () =>
        [...bShared.awareness.getStates().values()].some(
          (state) => (state as { selection?: string[] }).selection?.[0] === ids.survivor,
        ),
      15_000,
      'B to receive A’s awareness on the shared map',
    );
    await waitUntil(
      () =>
        wireA2.contains(m('awareness-layer-draft')) &&
        wireA2.contains(m('live-edge-label-changed')),
      15_000,
      'the control to receive the layer’s live changes and awareness',
    );

    // --- B's REST: an access request (A declines, B is notified) and every read of the map.
    const request = await wireB.request(t, b, 'POST', `/case-maps/${map.id}/access-requests`, {
      nodeId: ids.survivor,
      message: 'B asks',
    });
    expect(request.status).toBe(201);
    expectStatus(
      await a.client.post(
        `/case-maps/${map.id}/access-requests/${(request.json as { id: string }).id}/resolve`,
        { decision: 'decline' },
      ),
      200,
    );
    await waitUntil(
      () => entityB.some((e) => e.type === 'notification'),
      15_000,
      'B to be notified live',
    );
    for (const path of [
      `/documents/${map.id}`,
      `/coalitions/${coalitionId}/documents?state=all`,
      `/case-maps/${map.id}/layers`,
      `/case-maps/${map.id}/layer-grants`,
      `/case-maps/${map.id}/export.json`,
      `/case-maps/${map.id}/access-requests`,
      `/notifications`,
      `/documents/${map.id}/versions`,
    ]) {
      expect({ path, status: (await wireB.request(t, b, 'GET', path)).status }).toEqual({
        path,
        status: 200,
      });
    }

    // --- The proof.
    const privateIds = [
      ids.witness,
      ids.case,
      ids.location,
      ids.restrictedEdge,
      ids.privateEdge,
      ids.liveEdge,
    ];
    const forbidden = [...secret, linkId, '1903-04-05', '1903-05-06', '1904-07-08', '1905-09-10'];
    forbidden.push('survivor', 'witness', 'recruiter', ...privateIds);
    expect(wireB.frames).toBeGreaterThan(10);
    const leakedToB = forbidden.filter((value) => wireB.contains(value));
    expect(leakedToB).toEqual([]);
    const missedByControl = forbidden.filter((value) => !wireA2.contains(value));
    expect(missedByControl).toEqual([]);
    // What may be seen is seen: shared values and the stubs' ids and types.
    for (const visible of [m('shared-vessel'), m('shared-edge-label'), ids.survivor, ids.recruiter])
      expect({ visible, seen: wireB.contains(visible) }).toEqual({ visible, seen: true });

    // The Yjs content B's documents received (deleted values included) and its awareness states.
    const decodedB = decodedContent(receivedB);
    expect(decodedB).toContain(m('shared-vessel'));
    expect(forbidden.filter((value) => decodedB.includes(value))).toEqual([]);
    const decodedA2 = decodedContent(receivedA2);
    expect(
      secret.filter((value) => !decodedA2.includes(value) && !value.includes('awareness')),
    ).toEqual([]);
    const awarenessB = JSON.stringify([...bShared.awareness.getStates().values()]);
    expect(forbidden.filter((value) => awarenessB.includes(value))).toEqual([]);

    // B's merged view: restricted nodes as stubs (type and owner only), private ones absent.
    const view = viewB();
    expect(view.nodes.find((n) => n.id === ids.survivor)).toEqual({
      id: ids.survivor,
      type: 'person',
      sensitivity: 'restricted',
      ownerOrgId: orgA,
      authorId: a.me.id,
      x: 555,
      y: 666,
      redacted: true,
    });
    expect(
      view.nodes
        .filter((n) => n.redacted)
        .map((n) => n.id)
        .sort(),
    ).toEqual([ids.survivor, ids.importer, ids.recruiter].sort());
    expect(view.nodes.map((n) => n.id)).not.toEqual(expect.arrayContaining([ids.witness]));
    for (const id of [ids.witness, ids.case, ids.location])
      expect(view.nodes.some((n) => n.id === id)).toBe(false);
    expect(view.edges.map((e) => e.id)).toEqual([ids.sharedEdge]);

    // --- A grants B its layer: B opens it and reads the details; revoking closes it at once.
    expectStatus(
      await a.client.post(`/case-maps/${map.id}/layer-grants`, { organizationId: orgB }),
      201,
    );
    const granted = (await layersOf(b, map.id)).layers.find((l) => l.organization.id === orgA);
    expect(granted).toMatchObject({ docId: layerA, permission: 'view', own: false });
    const bLayerA = open(clientB, layerA, []);
    await bLayerA.whenSynced();
    expect(bLayerA.role).toBe('view');
    const full = readMap({
      shared: bShared.doc,
      layers: new Map([
        [orgB, bLayer.doc],
        [orgA, bLayerA.doc],
      ]),
    });
    expect(full.nodes.find((n) => n.id === ids.survivor)).toMatchObject({
      redacted: false,
      name: m('live-r-person-name'),
      role: 'survivor',
    });
    expect(full.nodes.find((n) => n.id === ids.witness)).toMatchObject({
      name: m('live-p-person-name'),
    });
    expect(wireB.contains(m('r-business-name'))).toBe(true);

    expectStatus(await a.client.delete(`/case-maps/${map.id}/layer-grants/${orgB}`), 204);
    await waitUntil(() => bLayerA.revoked, 15_000, 'B’s layer handle to be revoked');
    expect(bShared.revoked).toBe(false);
  });
});
