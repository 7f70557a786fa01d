import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { createEdge, createNode } from '@coalesce/case-map';
import { CollabEvents } from '@coalesce/protocol';
import type {
  AccessRequestDto,
  EntityChanged,
  NodeShareResultDto,
  NotificationListDto,
} from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import { settledFingerprint } from '../support/settled-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { expectError, expectStatus } from '../support/expect.js';
import { next, rawSocket, waitUntil } from '../collab/collab-fixtures.js';
import { MapSession, createMap, layersOf } from './case-map-fixtures.js';

let t: TestApp;
let owner: Actor;
let ownerColleague: Actor;
let requester: Actor;
let requesterColleague: Actor;
let thirdOrg: Actor;
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
  ownerColleague = await addColleague(t, owner);
  requester = await signUpOrg(t, 'requester');
  requesterColleague = await addColleague(t, requester);
  thirdOrg = await signUpOrg(t, 'third');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, requester, coalitionId, 'member');
  await joinCoalition(owner, thirdOrg, coalitionId, 'member');
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

/** A map of the owner organization with a restricted survivor and a private witness. */
async function mapWithRestrictedNodes() {
  const map = await createMap(owner, coalitionId);
  const session = await MapSession.open(await connect(owner), owner, map.id);
  let survivorId = '';
  let witnessId = '';
  let vesselId = '';
  await session.edit((docs, actor) => {
    vesselId = createNode(docs, actor, { type: 'vessel', name: 'Shared vessel', x: 0, y: 0 });
    survivorId = createNode(docs, actor, {
      type: 'person',
      role: 'survivor',
      name: 'Survivor S-17 (synthetic)',
      description: 'Restricted detail',
      sensitivity: 'restricted',
      x: 100,
      y: 0,
    });
    witnessId = createNode(docs, actor, {
      type: 'person',
      role: 'witness',
      name: 'Witness W-3 (synthetic)',
      sensitivity: 'private',
      x: 200,
      y: 0,
    });
    createEdge(docs, actor, { source: survivorId, target: vesselId, type: 'employed' });
  });
  return { map, session, survivorId, witnessId, vesselId };
}

async function auditCount(action: string, mapId: string): Promise<number> {
  const rows = (await t.db.query(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND details->>'mapId' = $2`,
    [action, mapId],
  )) as Array<{ n: number }>;
  return rows[0].n;
}

describe('case maps: access requests', () => {
  it('notifies the owner organization live, lists incoming and own requests, and refuses duplicates', async () => {
    const { map, survivorId } = await mapWithRestrictedNodes();
    const colleagueSocket = await connect(ownerColleague);
    const notified = next<EntityChanged>(
      colleagueSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'notification',
    );
    const created = expectStatus(
      await requester.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: 'We support this person in Honolulu.',
      }),
      201,
    );
    expect(created).toMatchObject({
      mapId: map.id,
      nodeId: survivorId,
      nodeType: 'person',
      requestingOrg: { id: orgOf(requester) },
      requestedBy: { id: requester.me.id },
      ownerOrg: { id: orgOf(owner) },
      status: 'pending',
      resolvedAt: null,
    });
    await notified;
    const inbox = expectStatus(
      await ownerColleague.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(inbox.items[0]).toMatchObject({
      kind: 'map-access-request',
      documentId: map.id,
      documentTitle: map.title,
      actor: { id: requester.me.id },
      excerpt: 'Person node: We support this person in Honolulu.',
    });
    // The owner's list shows it as incoming, the requester's as its own, a third org sees none.
    for (const actor of [owner, requester, requesterColleague]) {
      const list = expectStatus(
        await actor.client.get<AccessRequestDto[]>(`/case-maps/${map.id}/access-requests`),
        200,
      );
      expect(list.map((r) => r.id)).toEqual([created.id]);
    }
    expect(
      expectStatus(
        await thirdOrg.client.get<AccessRequestDto[]>(`/case-maps/${map.id}/access-requests`),
        200,
      ),
    ).toEqual([]);
    expectError(
      await requesterColleague.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      409,
      'CONFLICT',
    );
    expect(await auditCount('case-map.access-requested', map.id)).toBe(1);
  });

  it('refuses requests for nodes that are not restricted stubs of another organization, from observers and outsiders, changing nothing', async () => {
    const { map, survivorId, witnessId, vesselId } = await mapWithRestrictedNodes();
    const before = await settledFingerprint(t);
    for (const nodeId of [witnessId, vesselId, 'no-such-node']) {
      expectError(
        await requester.client.post(`/case-maps/${map.id}/access-requests`, {
          nodeId,
          message: '',
        }),
        404,
        'NOT_FOUND',
      );
    }
    expectError(
      await owner.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectError(
      await observer.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await outsider.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await outsider.client.get(`/case-maps/${map.id}/access-requests`),
      404,
      'NOT_FOUND',
    );
    expectError(
      await requester.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: 'x'.repeat(501),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('grant-layer: the requesting organization may open the owner layer, audited, and the requester is told', async () => {
    const { map, survivorId } = await mapWithRestrictedNodes();
    const request = expectStatus(
      await requester.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      201,
    );
    const resolveUrl = `/case-maps/${map.id}/access-requests/${request.id}/resolve`;
    // Only the owner organization answers; others are refused without a change.
    const before = await settledFingerprint(t);
    expectError(
      await requester.client.post(resolveUrl, { decision: 'grant-layer' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await thirdOrg.client.post(resolveUrl, { decision: 'grant-layer' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await observer.client.post(resolveUrl, { decision: 'grant-layer' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await outsider.client.post(resolveUrl, { decision: 'grant-layer' }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await owner.client.post(resolveUrl, { decision: 'maybe' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(await settledFingerprint(t)).toEqual(before);

    const requesterSocket = await connect(requester);
    const told = next<EntityChanged>(
      requesterSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'notification',
    );
    const resolved = expectStatus(
      await ownerColleague.client.post<AccessRequestDto>(resolveUrl, { decision: 'grant-layer' }),
      200,
    );
    expect(resolved).toMatchObject({
      status: 'granted-layer',
      resolvedBy: { id: ownerColleague.me.id },
    });
    await told;
    const inbox = expectStatus(
      await requester.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(inbox.items[0]).toMatchObject({ kind: 'map-access-resolved', documentId: map.id });
    expectError(await owner.client.post(resolveUrl, { decision: 'decline' }), 409, 'CONFLICT');

    const layers = await layersOf(requesterColleague, map.id);
    const granted = layers.layers.find((l) => l.organization.id === orgOf(owner));
    expect(granted).toMatchObject({ permission: 'view', own: false });
    const session = await MapSession.open(
      await connect(requesterColleague),
      requesterColleague,
      map.id,
    );
    const names = session.view.nodes.map((n) => ('name' in n ? n.name : null));
    expect(names).toEqual(
      expect.arrayContaining(['Survivor S-17 (synthetic)', 'Witness W-3 (synthetic)']),
    );
    expect(await auditCount('case-map.access-resolved', map.id)).toBe(1);
    expect(await auditCount('case-map.layer-granted', map.id)).toBe(1);
  });

  it('share-node: moves the details to the shared map live for everyone, answers every pending request for it', async () => {
    const { map, survivorId, witnessId } = await mapWithRestrictedNodes();
    const third = await MapSession.open(await connect(thirdOrg), thirdOrg, map.id);
    expect(third.view.nodes.find((n) => n.id === survivorId)).toMatchObject({ redacted: true });
    const first = expectStatus(
      await requester.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: 'first',
      }),
      201,
    );
    const second = expectStatus(
      await thirdOrg.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: 'second',
      }),
      201,
    );
    const resolved = expectStatus(
      await owner.client.post<AccessRequestDto>(
        `/case-maps/${map.id}/access-requests/${first.id}/resolve`,
        { decision: 'share-node' },
      ),
      200,
    );
    expect(resolved.status).toBe('shared-node');
    await waitUntil(
      () => {
        const node = third.view.nodes.find((n) => n.id === survivorId);
        return !!node && !node.redacted;
      },
      15_000,
      'the shared node to reach the third organization live',
    );
    expect(third.view.nodes.find((n) => n.id === survivorId)).toMatchObject({
      sensitivity: 'shared',
      name: 'Survivor S-17 (synthetic)',
      description: 'Restricted detail',
      redacted: false,
    });
    const others = expectStatus(
      await thirdOrg.client.get<AccessRequestDto[]>(`/case-maps/${map.id}/access-requests`),
      200,
    );
    expect(others.find((r) => r.id === second.id)?.status).toBe('shared-node');
    expect(await auditCount('case-map.node-shared', map.id)).toBe(1);

    // Sharing a private node directly: owner only, then it is on the shared map for everyone.
    const shareUrl = `/case-maps/${map.id}/nodes/${witnessId}/share`;
    expectError(await thirdOrg.client.post(shareUrl), 404, 'NOT_FOUND');
    expectError(await observer.client.post(shareUrl), 403, 'FORBIDDEN');
    expectError(await outsider.client.post(shareUrl), 404, 'NOT_FOUND');
    const shared = expectStatus(await owner.client.post<NodeShareResultDto>(shareUrl), 200);
    expect(shared).toEqual({
      nodeId: witnessId,
      mapSeq: expect.any(Number),
      layerSeq: expect.any(Number),
    });
    await waitUntil(
      () => third.view.nodes.some((n) => n.id === witnessId),
      15_000,
      'the private node to appear on the shared map',
    );
    expectError(await owner.client.post(shareUrl), 409, 'CONFLICT');
    expectError(
      await thirdOrg.client.post(`/case-maps/${map.id}/nodes/${survivorId}/share`),
      403,
      'FORBIDDEN',
    );
  });

  it('decline: nothing becomes readable, the requester is told', async () => {
    const { map, survivorId } = await mapWithRestrictedNodes();
    const request = expectStatus(
      await requester.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: '',
      }),
      201,
    );
    expectStatus(
      await owner.client.post(`/case-maps/${map.id}/access-requests/${request.id}/resolve`, {
        decision: 'decline',
      }),
      200,
    );
    expect((await layersOf(requester, map.id)).layers.every((l) => l.own)).toBe(true);
    const inbox = expectStatus(
      await requester.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(inbox.items[0]).toMatchObject({ kind: 'map-access-resolved', excerpt: 'Declined.' });
    // A new request may follow a declined one.
    expectStatus(
      await requester.client.post(`/case-maps/${map.id}/access-requests`, {
        nodeId: survivorId,
        message: 'again',
      }),
      201,
    );
  });
});
