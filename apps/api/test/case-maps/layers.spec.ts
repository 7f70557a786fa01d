import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { createNode, layerDetails } from '@coalesce/case-map';
import { CollabEvents } from '@coalesce/protocol';
import type { DocRevokedMessage, DocumentDto, LayerGrantDto, SyncResult } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import { settledFingerprint } from '../support/settled-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { expectError, expectStatus } from '../support/expect.js';
import { call, next, rawSocket } from '../collab/collab-fixtures.js';
import { createMap, layersOf, openDoc, ownLayerId, sendEdit } from './case-map-fixtures.js';

let t: TestApp;
let owner: Actor;
let ownerColleague: Actor;
let member: Actor;
let otherMember: Actor;
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
  member = await signUpOrg(t, 'member');
  otherMember = await signUpOrg(t, 'other');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
  await joinCoalition(owner, otherMember, coalitionId, 'member');
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

async function auditRows(action: string, layerId: string) {
  return (await t.db.query(
    `SELECT actor_user_id, actor_org_id, organization_id, coalition_id, details
       FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id`,
    [action, layerId],
  )) as Array<{
    actor_user_id: string;
    actor_org_id: string;
    organization_id: string;
    coalition_id: string;
    details: Record<string, unknown>;
  }>;
}

describe('case maps: private layers', () => {
  it('creates the own layer on first use for organizations that edit the map, and none for observers', async () => {
    const map = await createMap(owner, coalitionId);
    const ownerLayers = await layersOf(owner, map.id);
    expect(ownerLayers.layers).toEqual([
      {
        docId: expect.any(String),
        organization: { id: orgOf(owner), name: owner.me.organization.name },
        permission: 'edit',
        own: true,
      },
    ]);
    // Idempotent, also for a colleague of the same organization.
    expect(await layersOf(ownerColleague, map.id)).toEqual(ownerLayers);
    const memberLayers = await layersOf(member, map.id);
    expect(memberLayers.layers).toHaveLength(1);
    expect(memberLayers.layers[0]).toMatchObject({ own: true, permission: 'edit' });
    expect(memberLayers.layers[0].docId).not.toBe(ownerLayers.layers[0].docId);
    expect((await layersOf(observer, map.id)).layers).toEqual([]);
    const rows = await t.db.query('SELECT organization_id FROM case_map_layers WHERE map_id = $1', [
      map.id,
    ]);
    expect(rows).toHaveLength(2);
  });

  it('answers 404 to outsiders and for documents that are not case maps', async () => {
    const map = await createMap(owner, coalitionId);
    expectError(await outsider.client.get(`/case-maps/${map.id}/layers`), 404, 'NOT_FOUND');
    const plan = expectStatus(
      await owner.client.post<DocumentDto>(`/coalitions/${coalitionId}/documents`, {
        title: 'A plan',
        kind: 'plan',
      }),
      201,
    );
    expectError(await owner.client.get(`/case-maps/${plan.id}/layers`), 404, 'NOT_FOUND');
    // A map shared with nobody else is not visible to members either.
    const closed = await createMap(owner, coalitionId, { coalitionPermission: null });
    expectError(await member.client.get(`/case-maps/${closed.id}/layers`), 404, 'NOT_FOUND');
  });

  it('applies the layer rule on every socket event: owner edits, others 404, and every read is audited', async () => {
    const map = await createMap(owner, coalitionId);
    const layerId = await ownLayerId(owner, map.id);
    const ownerSocket = await connect(owner);
    const { doc, result } = await openDoc(ownerSocket, layerId);
    expect(result.role).toBe('edit');
    const ack = await sendEdit(ownerSocket, layerId, doc, () =>
      createNode(
        { shared: new Y.Doc(), layers: new Map([[orgOf(owner), doc]]) },
        { orgId: orgOf(owner), userId: owner.me.id },
        { type: 'person', name: 'Layer secret', sensitivity: 'private', x: 0, y: 0 },
      ),
    );
    expect(ack.ok).toBe(true);

    for (const actor of [member, otherMember, observer, outsider]) {
      const s = await connect(actor);
      expect(await call(s, CollabEvents.DocOpen, { docId: layerId })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND' },
      });
      for (const event of [CollabEvents.DocSync, CollabEvents.AwarenessUpdate]) {
        expect(
          await call(s, event, {
            docId: layerId,
            stateVector: new Uint8Array([0]),
            update: new Uint8Array([0]),
          }),
        ).toMatchObject({ ok: false });
      }
      expect(
        await call(s, CollabEvents.DocUpdate, {
          docId: layerId,
          update: Y.encodeStateAsUpdate(new Y.Doc()),
          updateId: crypto.randomUUID(),
        }),
      ).toMatchObject({ ok: false, error: { code: 'DOC_NOT_OPEN' } });
    }
    // Not a document of the documents API either.
    expectError(await owner.client.get(`/documents/${layerId}`), 404, 'NOT_FOUND');
    expectError(await owner.client.get(`/documents/${layerId}/versions`), 404, 'NOT_FOUND');
    expectError(
      await owner.client.request('PUT', `/documents/${layerId}/sharing`, {
        coalitionPermission: 'view',
        organizations: [],
      }),
      404,
      'NOT_FOUND',
    );
    const listed = expectStatus(
      await owner.client.get<DocumentDto[]>(`/coalitions/${coalitionId}/documents?state=all`),
      200,
    );
    expect(listed.map((d) => d.id)).not.toContain(layerId);
    expect(listed.map((d) => d.id)).toContain(map.id);

    const reads = await auditRows('case-map.layer-read', layerId);
    expect(reads).toEqual([
      {
        actor_user_id: owner.me.id,
        actor_org_id: orgOf(owner),
        organization_id: orgOf(owner),
        coalition_id: coalitionId,
        details: { mapId: map.id, layerOwnerOrgId: orgOf(owner), via: 'doc:open' },
      },
    ]);
    // A doc:sync that returns content is a read too; one with nothing new is not logged again.
    const fresh = await call<SyncResult>(ownerSocket, CollabEvents.DocSync, {
      docId: layerId,
      stateVector: Y.encodeStateVector(new Y.Doc()),
    });
    expect(fresh.ok).toBe(true);
    const upToDate = await call<SyncResult>(ownerSocket, CollabEvents.DocSync, {
      docId: layerId,
      stateVector: Y.encodeStateVector(doc),
    });
    expect(upToDate.ok).toBe(true);
    expect((await auditRows('case-map.layer-read', layerId)).map((r) => r.details.via)).toEqual([
      'doc:open',
      'doc:sync',
    ]);
  });

  it('refuses documents of kind case-map-layer through POST documents', async () => {
    const before = await settledFingerprint(t);
    const res = await owner.client.post(`/coalitions/${coalitionId}/documents`, {
      title: 'Sneaky layer',
      kind: 'case-map-layer',
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('lets the owner organization grant its layer read-only, audited, and revoke it live', async () => {
    const map = await createMap(owner, coalitionId);
    const layerId = await ownLayerId(owner, map.id);
    const ownerSocket = await connect(owner);
    const { doc } = await openDoc(ownerSocket, layerId);
    await sendEdit(ownerSocket, layerId, doc, () =>
      layerDetails(doc).set('n1', new Y.Map([['name', 'Detail for the granted org']])),
    );

    // Who may grant: members of an organization that edits the map, for their own layer only.
    for (const refused of [observer]) {
      expectError(
        await refused.client.post(`/case-maps/${map.id}/layer-grants`, {
          organizationId: orgOf(member),
        }),
        403,
        'FORBIDDEN',
      );
    }
    expectError(
      await outsider.client.post(`/case-maps/${map.id}/layer-grants`, {
        organizationId: orgOf(member),
      }),
      404,
      'NOT_FOUND',
    );
    const invalid = expectError(
      await owner.client.post(`/case-maps/${map.id}/layer-grants`, {
        organizationId: orgOf(outsider),
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(invalid.error.fields?.[0]?.path).toBe('organizationId');

    const grant = expectStatus(
      await owner.client.post<LayerGrantDto>(`/case-maps/${map.id}/layer-grants`, {
        organizationId: orgOf(member),
      }),
      201,
    );
    expect(grant).toMatchObject({
      organization: { id: orgOf(member) },
      grantedBy: { id: owner.me.id },
    });
    expectError(
      await owner.client.post(`/case-maps/${map.id}/layer-grants`, {
        organizationId: orgOf(member),
      }),
      409,
      'CONFLICT',
    );
    expect(
      expectStatus(
        await ownerColleague.client.get<LayerGrantDto[]>(`/case-maps/${map.id}/layer-grants`),
        200,
      ).map((g) => g.organization.id),
    ).toEqual([orgOf(member)]);
    // The member's own grants list is about its own layer: empty.
    expect(
      expectStatus(
        await member.client.get<LayerGrantDto[]>(`/case-maps/${map.id}/layer-grants`),
        200,
      ),
    ).toEqual([]);

    const memberLayers = await layersOf(member, map.id);
    expect(memberLayers.layers.find((l) => l.docId === layerId)).toEqual({
      docId: layerId,
      organization: { id: orgOf(owner), name: owner.me.organization.name },
      permission: 'view',
      own: false,
    });
    const memberSocket = await connect(member);
    const opened = await openDoc(memberSocket, layerId);
    expect(opened.result.role).toBe('view');
    expect((layerDetails(opened.doc).get('n1') as Y.Map<unknown>).get('name')).toBe(
      'Detail for the granted org',
    );
    const refused = await sendEdit(memberSocket, layerId, opened.doc, () =>
      layerDetails(opened.doc).set('n2', new Y.Map([['name', 'Written by a reader']])),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Another member organization still cannot open it.
    const otherSocket = await connect(otherMember);
    expect(await call(otherSocket, CollabEvents.DocOpen, { docId: layerId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await auditRows('case-map.layer-granted', layerId)).toEqual([
      expect.objectContaining({
        actor_user_id: owner.me.id,
        organization_id: orgOf(owner),
        details: { mapId: map.id, layerOwnerOrgId: orgOf(owner), organizationId: orgOf(member) },
      }),
    ]);
    expect(
      (await auditRows('case-map.layer-read', layerId)).map((r) => [r.actor_org_id, r.details.via]),
    ).toContainEqual([orgOf(member), 'doc:open']);

    // Revoking: the member's socket gets doc:revoked at once and cannot open it again.
    expectError(
      await member.client.delete(`/case-maps/${map.id}/layer-grants/${orgOf(member)}`),
      404,
      'NOT_FOUND',
    );
    const revoked = next<DocRevokedMessage>(
      memberSocket,
      CollabEvents.DocRevoked,
      (m) => m.docId === layerId,
    );
    expectStatus(
      await owner.client.delete(`/case-maps/${map.id}/layer-grants/${orgOf(member)}`),
      204,
    );
    expect(await revoked).toEqual({ docId: layerId, reason: 'access-changed' });
    expect(await call(memberSocket, CollabEvents.DocOpen, { docId: layerId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await auditRows('case-map.layer-grant-revoked', layerId)).toHaveLength(1);
    expectError(
      await owner.client.delete(`/case-maps/${map.id}/layer-grants/${orgOf(member)}`),
      404,
      'NOT_FOUND',
    );
  });

  it('makes layers follow their map: archived → view, deleted → revoked and 404', async () => {
    const map = await createMap(owner, coalitionId);
    const layerId = await ownLayerId(owner, map.id);
    const s = await connect(owner);
    await openDoc(s, layerId);
    const downgraded = next<DocRevokedMessage>(
      s,
      CollabEvents.DocRevoked,
      (m) => m.docId === layerId,
    );
    expectStatus(await owner.client.post(`/documents/${map.id}/archive`), 200);
    await downgraded;
    expect((await openDoc(s, layerId)).result.role).toBe('view');
    expect((await layersOf(owner, map.id)).layers[0].permission).toBe('view');
    expectStatus(await owner.client.post(`/documents/${map.id}/restore`), 200);
    expect((await openDoc(s, layerId)).result.role).toBe('edit');

    const gone = next<DocRevokedMessage>(s, CollabEvents.DocRevoked, (m) => m.docId === layerId);
    expectStatus(await owner.client.delete(`/documents/${map.id}`), 204);
    expect(await gone).toEqual({ docId: layerId, reason: 'deleted' });
    expect(await call(s, CollabEvents.DocOpen, { docId: layerId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expectError(await owner.client.get(`/case-maps/${map.id}/layers`), 404, 'NOT_FOUND');
  });

  it('revokes a layer when the map stops being shared with a granted organization, and drops grants of an organization that leaves', async () => {
    const map = await createMap(owner, coalitionId);
    const layerId = await ownLayerId(owner, map.id);
    expectStatus(
      await owner.client.post(`/case-maps/${map.id}/layer-grants`, {
        organizationId: orgOf(otherMember),
      }),
      201,
    );
    const s = await connect(otherMember);
    expect((await openDoc(s, layerId)).result.role).toBe('view');
    const revoked = next<DocRevokedMessage>(s, CollabEvents.DocRevoked, (m) => m.docId === layerId);
    expectStatus(
      await owner.client.request('PUT', `/documents/${map.id}/sharing`, {
        coalitionPermission: null,
        organizations: [],
      }),
      200,
    );
    await revoked;
    expect(await call(s, CollabEvents.DocOpen, { docId: layerId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // Shared again: the grant still holds.
    expectStatus(
      await owner.client.request('PUT', `/documents/${map.id}/sharing`, {
        coalitionPermission: 'edit',
        organizations: [],
      }),
      200,
    );
    expect((await openDoc(s, layerId)).result.role).toBe('view');

    // Leaving the coalition ends the grant for good.
    const gone = next<DocRevokedMessage>(s, CollabEvents.DocRevoked, (m) => m.docId === layerId);
    expectStatus(await otherMember.client.post(`/coalitions/${coalitionId}/leave`), 204);
    await gone;
    const deadline = Date.now() + 15_000;
    let rows: unknown[] = [];
    do {
      rows = await t.db.query(
        'SELECT 1 FROM case_map_layer_grants WHERE layer_id = $1 AND organization_id = $2',
        [layerId, orgOf(otherMember)],
      );
      if (rows.length) await new Promise((r) => setTimeout(r, 50));
    } while (rows.length && Date.now() < deadline);
    expect(rows).toEqual([]);
  });
});
