import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { createNode } from '@coalesce/case-map';
import type { AccessRequestDto, ErrorBody } from '@coalesce/protocol';
import { startTestApp } from '../support/test-app.js';
import { settledFingerprint } from '../support/settled-fingerprint.js';
import type { TestApp } from '../support/test-app.js';
import { createCoalition, joinCoalition, signUpOrg } from '../support/fixtures.js';
import type { Actor } from '../support/fixtures.js';
import { expectStatus } from '../support/expect.js';
import { rawSocket } from '../collab/collab-fixtures.js';
import { MapSession, createMap } from './case-map-fixtures.js';

/**
 * Every route under /case-maps/{docId} as an outsider, as an observer organization, and as a member
 * organization the map is not shared with: outsiders and the unshared member get 404 everywhere,
 * observers read but never write (403, or 404 for a request that is none of their business), and
 * no refused call changes anything.
 */
type Who = 'observer' | 'outsider' | 'unshared';
type Expect = 200 | 403 | 404;

interface RouteCase {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  body?: () => unknown;
  expect: Record<Who, Expect>;
}

let t: TestApp;
let owner: Actor;
let member: Actor;
let observer: Actor;
let outsider: Actor;
let ids: { docId: string; nodeId: string; requestId: string; organizationId: string };
let closedDocId: string;
const sockets: Socket[] = [];

const READ: Record<Who, Expect> = { observer: 200, outsider: 404, unshared: 404 };
const WRITE: Record<Who, Expect> = { observer: 403, outsider: 404, unshared: 404 };
const HIDDEN: Record<Who, Expect> = { observer: 404, outsider: 404, unshared: 404 };

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/case-maps/{docId}/layers', expect: READ },
  { method: 'GET', path: '/case-maps/{docId}/layer-grants', expect: READ },
  {
    method: 'POST',
    path: '/case-maps/{docId}/layer-grants',
    body: () => ({ organizationId: ids.organizationId }),
    expect: WRITE,
  },
  {
    method: 'DELETE',
    path: '/case-maps/{docId}/layer-grants/{organizationId}',
    expect: WRITE,
  },
  {
    method: 'POST',
    path: '/case-maps/{docId}/access-requests',
    body: () => ({ nodeId: ids.nodeId, message: 'let me see' }),
    expect: WRITE,
  },
  { method: 'GET', path: '/case-maps/{docId}/access-requests', expect: READ },
  {
    method: 'POST',
    path: '/case-maps/{docId}/access-requests/{requestId}/resolve',
    body: () => ({ decision: 'grant-layer' }),
    expect: HIDDEN,
  },
  { method: 'POST', path: '/case-maps/{docId}/nodes/{nodeId}/share', expect: WRITE },
  { method: 'GET', path: '/case-maps/{docId}/export.json', expect: READ },
];

const fill = (path: string, docId: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'docId' ? docId : (ids as Record<string, string>)[name],
  );

beforeAll(async () => {
  // No background checkpoints: the fingerprints around refused calls must see only those calls.
  process.env.COLLAB_COMPACTION_INTERVAL_MS = '0';
  t = await startTestApp();
  delete process.env.COLLAB_COMPACTION_INTERVAL_MS;
  owner = await signUpOrg(t, 'owner');
  member = await signUpOrg(t, 'member');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  const coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, member, coalitionId, 'member');
  await joinCoalition(owner, observer, coalitionId, 'observer');
  const map = await createMap(owner, coalitionId);
  const socket = await rawSocket(t, owner.client.token);
  sockets.push(socket);
  const session = await MapSession.open(socket, owner, map.id);
  let nodeId = '';
  await session.edit((docs, actor) => {
    nodeId = createNode(docs, actor, {
      type: 'person',
      name: 'Restricted (synthetic)',
      sensitivity: 'restricted',
      x: 0,
      y: 0,
    });
  });
  const request = expectStatus(
    await member.client.post<AccessRequestDto>(`/case-maps/${map.id}/access-requests`, {
      nodeId,
      message: '',
    }),
    201,
  );
  expectStatus(
    await owner.client.post(`/case-maps/${map.id}/layer-grants`, {
      organizationId: member.me.organization.id,
    }),
    201,
  );
  ids = {
    docId: map.id,
    nodeId,
    requestId: request.id,
    organizationId: member.me.organization.id,
  };
  // The same kind of map, shared with nobody: a member organization must not learn it exists.
  closedDocId = (await createMap(owner, coalitionId, { coalitionPermission: null })).id;
}, 240_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('case maps: access on every route', () => {
  it('answers each route as the table says, and refused calls change nothing', async () => {
    const actors: Record<Who, [Actor, string]> = {
      observer: [observer, ids.docId],
      outsider: [outsider, ids.docId],
      unshared: [member, closedDocId],
    };
    const results: string[] = [];
    const expected: string[] = [];
    for (const route of ROUTES) {
      for (const [who, status] of Object.entries(route.expect) as Array<[Who, Expect]>) {
        const [actor, docId] = actors[who];
        const before = await settledFingerprint(t);
        const res = await actor.client.request<ErrorBody>(
          route.method,
          fill(route.path, docId),
          route.body?.(),
        );
        results.push(`${who} ${route.method} ${route.path} -> ${res.status}`);
        expected.push(`${who} ${route.method} ${route.path} -> ${status}`);
        if (status !== 200) expect(await settledFingerprint(t)).toEqual(before);
      }
    }
    expect(results).toEqual(expected);
  });

  it('answers 404 for a map id that does not exist, exactly as for one the caller may not see', async () => {
    const ghost = '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93';
    for (const route of ROUTES) {
      const hidden = await outsider.client.request<ErrorBody>(
        route.method,
        fill(route.path, ids.docId),
        route.body?.(),
      );
      const missing = await outsider.client.request<ErrorBody>(
        route.method,
        fill(route.path, ghost),
        route.body?.(),
      );
      expect([route.path, missing.status, missing.body.error.message]).toEqual([
        route.path,
        404,
        hidden.body.error.message,
      ]);
    }
  });
});
