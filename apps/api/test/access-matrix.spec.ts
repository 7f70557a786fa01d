import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ErrorBody, WorkingGroupDto } from '@coalesce/protocol';
import { startTestApp } from './support/test-app.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import type { TestApp } from './support/test-app.js';
import {
  addColleague,
  createCoalition,
  inviteToCoalition,
  joinCoalition,
  signUpOrg,
} from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { expectError, expectStatus } from './support/expect.js';

/**
 * Who may call each coalition-scoped route. The table is written from DESIGN.md section 2, not
 * from the code: outsiders get 404 everywhere; observers never write; managing membership is for
 * admins of a coordinator organization; working groups and the audit log for coordinators;
 * coordinator and member organizations create content.
 * The list of routes is checked against the OpenAPI document, so a new coalition route fails this
 * test until it is added here.
 */
type ActorKey =
  | 'coordinatorAdmin'
  | 'coordinatorUser'
  | 'memberAdmin'
  | 'memberUser'
  | 'observerAdmin'
  | 'observerUser';
/** ok: allowed (2xx); 403: refused with FORBIDDEN. Outsiders always get 404. */
type Expectation = 'ok' | 403;

interface RouteCase {
  /** OpenAPI path template. */
  path: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** A valid body, so a wrongly allowed write would really happen (and be caught). */
  body?: (ids: Ids) => unknown;
  expect: Record<ActorKey, Expectation>;
}

interface Ids {
  id: string;
  orgId: string;
  inviteId: string;
  groupId: string;
  uninvitedOrgId: string;
  billId: string;
  meetingId: string;
  eventId: string;
  documentId: string;
  taskId: string;
  otherTaskId: string;
  claimId: string;
}

const EVERYONE: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 'ok',
  memberAdmin: 'ok',
  memberUser: 'ok',
  observerAdmin: 'ok',
  observerUser: 'ok',
};
const COORDINATOR_ADMINS: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 403,
  memberAdmin: 403,
  memberUser: 403,
  observerAdmin: 403,
  observerUser: 403,
};
const COORDINATORS: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 'ok',
  memberAdmin: 403,
  memberUser: 403,
  observerAdmin: 403,
  observerUser: 403,
};
const WRITERS: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 'ok',
  memberAdmin: 'ok',
  memberUser: 'ok',
  observerAdmin: 403,
  observerUser: 403,
};
/**
 * Writers may try; the service then lets only the claim's holder or a coordinator act (the holder
 * here is the coordinator organization, so members are refused by the service, also with 403).
 */
const OBSERVERS_REFUSED: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 'ok',
  memberAdmin: 403,
  memberUser: 403,
  observerAdmin: 403,
  observerUser: 403,
};
const ORG_ADMINS: Record<ActorKey, Expectation> = {
  coordinatorAdmin: 'ok',
  coordinatorUser: 403,
  memberAdmin: 'ok',
  memberUser: 403,
  observerAdmin: 'ok',
  observerUser: 403,
};

const ROUTES: RouteCase[] = [
  { method: 'GET', path: '/api/v1/coalitions/{id}', expect: EVERYONE },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}',
    body: () => ({ name: 'Taken over', description: 'changed' }),
    expect: COORDINATOR_ADMINS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/members', expect: EVERYONE },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/members/{orgId}',
    body: () => ({ role: 'coordinator' }),
    expect: COORDINATOR_ADMINS,
  },
  {
    method: 'DELETE',
    path: '/api/v1/coalitions/{id}/members/{orgId}',
    expect: COORDINATOR_ADMINS,
  },
  { method: 'POST', path: '/api/v1/coalitions/{id}/leave', expect: ORG_ADMINS },
  { method: 'GET', path: '/api/v1/coalitions/{id}/invites', expect: COORDINATOR_ADMINS },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/invites',
    body: (ids) => ({ organizationId: ids.uninvitedOrgId, role: 'coordinator' }),
    expect: COORDINATOR_ADMINS,
  },
  {
    method: 'DELETE',
    path: '/api/v1/coalitions/{id}/invites/{inviteId}',
    expect: COORDINATOR_ADMINS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/working-groups', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/working-groups',
    body: () => ({ name: 'Sneaky group' }),
    expect: COORDINATORS,
  },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/working-groups/{groupId}',
    body: () => ({ name: 'Renamed by someone', organizationIds: [] }),
    expect: COORDINATORS,
  },
  {
    method: 'DELETE',
    path: '/api/v1/coalitions/{id}/working-groups/{groupId}',
    expect: COORDINATORS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/audit', expect: COORDINATORS },
  { method: 'GET', path: '/api/v1/coalitions/{id}/documents', expect: EVERYONE },
  { method: 'GET', path: '/api/v1/coalitions/{id}/mentionables', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/documents',
    body: () => ({ title: 'Observer notes', kind: 'note' }),
    expect: WRITERS,
  },
  // Bill tracker (issue 6).
  { method: 'GET', path: '/api/v1/coalitions/{id}/bills', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bills',
    body: () => ({
      jurisdiction: 'US federal',
      session: '119',
      identifier: 'HR 1',
      originChamber: 'lower',
      title: 'Observer bill',
    }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/bills/{billId}', expect: EVERYONE },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/bills/{billId}',
    body: () => ({ title: 'Retitled' }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bills/{billId}/actions',
    body: () => ({ date: '2026-01-02', text: 'Referred', classifications: ['referral-committee'] }),
    expect: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/bills/{billId}/watch',
    body: () => ({ watched: true, priority: 'high', tags: ['x'] }),
    expect: WRITERS,
  },
  // Following a bill only subscribes the caller to alerts: observers may too.
  { method: 'POST', path: '/api/v1/coalitions/{id}/bills/{billId}/follow', expect: EVERYONE },
  { method: 'DELETE', path: '/api/v1/coalitions/{id}/bills/{billId}/follow', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bills/{billId}/lead',
    body: (ids) => ({ organizationId: ids.orgId }),
    expect: COORDINATORS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bills/{billId}/documents',
    body: (ids) => ({ documentId: ids.documentId }),
    expect: WRITERS,
  },
  {
    method: 'DELETE',
    path: '/api/v1/coalitions/{id}/bills/{billId}/documents/{documentId}',
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bills/{billId}/position',
    body: () => ({ stance: 'oppose' }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/bill-positions', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bill-imports/preview',
    body: () => ({ format: 'csv', content: BILL_CSV }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/bill-imports/apply',
    body: () => ({ format: 'csv', content: BILL_CSV }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/meetings', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/meetings',
    body: () => ({ office: 'Sen. Someone', startsAt: '2030-01-01T10:00:00Z' }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/meetings/overlap-check',
    body: () => ({ office: 'Sen. Someone', startsAt: '2030-01-01T10:00:00Z' }),
    expect: WRITERS,
  },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/meetings/{meetingId}',
    body: () => ({ ask: 'Changed ask' }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/coordination-alerts', expect: EVERYONE },
  { method: 'GET', path: '/api/v1/coalitions/{id}/calendar-events', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/calendar-events',
    body: () => ({ kind: 'deadline', title: 'Comments due', startsAt: '2030-01-01T10:00:00Z' }),
    expect: WRITERS,
  },
  {
    method: 'DELETE',
    path: '/api/v1/coalitions/{id}/calendar-events/{eventId}',
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/calendar.ics', expect: EVERYONE },
  // Tasks and claims (issue 7).
  { method: 'GET', path: '/api/v1/coalitions/{id}/tasks', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/tasks',
    body: () => ({ title: 'Observer task' }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/tasks/similar?title=Prepare', expect: EVERYONE },
  { method: 'GET', path: '/api/v1/coalitions/{id}/tasks/{taskId}', expect: EVERYONE },
  {
    method: 'PATCH',
    path: '/api/v1/coalitions/{id}/tasks/{taskId}',
    body: () => ({ version: 1, title: 'Renamed by someone' }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/tasks/{taskId}/comments',
    body: () => ({ body: 'A comment' }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/tasks/{taskId}/relations',
    body: (ids) => ({ kind: 'related', taskId: ids.otherTaskId }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/tasks/{taskId}/merge',
    body: (ids) => ({ intoTaskId: ids.otherTaskId }),
    expect: WRITERS,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/claims', expect: EVERYONE },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/claims',
    body: () => ({ targetKind: 'office', targetKey: 'Office of Sen. Matrix' }),
    expect: WRITERS,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/claims/{claimId}/release',
    expect: OBSERVERS_REFUSED,
  },
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/claims/{claimId}/hand-off',
    body: (ids) => ({ organizationId: ids.orgId }),
    expect: OBSERVERS_REFUSED,
  },
  { method: 'GET', path: '/api/v1/coalitions/{id}/activity', expect: EVERYONE },
  { method: 'GET', path: '/api/v1/coalitions/{id}/dashboard', expect: EVERYONE },
  // Case maps (issue 5); the routes under /case-maps/{docId} are checked in test/case-maps.
  {
    method: 'POST',
    path: '/api/v1/coalitions/{id}/case-maps/import',
    body: () => ({
      map: { format: 'coalesce.case-map', version: 1, title: 'Imported map', nodes: [], edges: [] },
    }),
    expect: WRITERS,
  },
];

const BILL_CSV =
  'jurisdiction,session,identifier,origin_chamber,title\nUS federal,119,HR 2,lower,Imported by someone';

const key = (method: string, path: string) => `${method.toUpperCase()} ${path.split('?')[0]}`;
const isWrite = (r: RouteCase) => r.method !== 'GET';

function url(template: string, ids: Ids): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = (ids as unknown as Record<string, string | undefined>)[name];
    if (!value) throw new Error(`No test id for path parameter {${name}} in ${template}`);
    return value;
  });
}

let t: TestApp;
let actors: Record<ActorKey | 'outsider', Actor>;
let ids: Ids;
/** Route × role checks run (reported at the end; docs/security.md quotes the figure). */
let cases = 0;

beforeAll(async () => {
  t = await startTestApp();
  const coordinatorAdmin = await signUpOrg(t, 'coordinator');
  const memberAdmin = await signUpOrg(t, 'member');
  const observerAdmin = await signUpOrg(t, 'observer');
  const outsider = await signUpOrg(t, 'outsider');
  const uninvited = await signUpOrg(t, 'uninvited');
  const pendingInvitee = await signUpOrg(t, 'invitee');
  actors = {
    coordinatorAdmin,
    coordinatorUser: await addColleague(t, coordinatorAdmin),
    memberAdmin,
    memberUser: await addColleague(t, memberAdmin),
    observerAdmin,
    observerUser: await addColleague(t, observerAdmin),
    outsider,
  };
  const coalition = await createCoalition(coordinatorAdmin);
  await joinCoalition(coordinatorAdmin, memberAdmin, coalition.id, 'member');
  await joinCoalition(coordinatorAdmin, observerAdmin, coalition.id, 'observer');
  const invite = await inviteToCoalition(
    coordinatorAdmin,
    coalition.id,
    pendingInvitee.me.organization.id,
  );
  const group = await coordinatorAdmin.client.post<WorkingGroupDto>(
    `/coalitions/${coalition.id}/working-groups`,
    {
      name: 'Prosecution',
      organizationIds: [coordinatorAdmin.me.organization.id, memberAdmin.me.organization.id],
    },
  );
  const bill = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/bills`,
    {
      jurisdiction: 'US federal',
      session: '115',
      identifier: 'H.R. 2200',
      originChamber: 'lower',
      title:
        'Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act of 2017',
    },
  );
  const meeting = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/meetings`,
    {
      office: 'Rep. Christopher H. Smith',
      startsAt: '2030-01-03T15:00:00Z',
      organizationIds: [memberAdmin.me.organization.id],
    },
  );
  const event = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/calendar-events`,
    { kind: 'hearing', title: 'Hearing', startsAt: '2030-01-04T15:00:00Z' },
  );
  const doc = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/documents`,
    { title: 'TVPA plan', kind: 'plan' },
  );
  await coordinatorAdmin.client.post(
    `/coalitions/${coalition.id}/bills/${expectStatus(bill, 201).id}/documents`,
    {
      documentId: expectStatus(doc, 201).id,
    },
  );
  const task = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/tasks`,
    { title: 'Prepare the hearing brief' },
  );
  const otherTask = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/tasks`,
    { title: 'Book the hearing room' },
  );
  const claim = await coordinatorAdmin.client.post<{ id: string }>(
    `/coalitions/${coalition.id}/claims`,
    { targetKind: 'office', targetKey: 'Office of Sen. Held' },
  );
  ids = {
    id: coalition.id,
    orgId: memberAdmin.me.organization.id,
    inviteId: invite.id,
    groupId: expectStatus(group, 201).id,
    uninvitedOrgId: uninvited.me.organization.id,
    billId: expectStatus(bill, 201).id,
    taskId: expectStatus(task, 201).id,
    otherTaskId: expectStatus(otherTask, 201).id,
    claimId: expectStatus(claim, 201).id,
    meetingId: expectStatus(meeting, 201).id,
    eventId: expectStatus(event, 201).id,
    documentId: doc.body.id,
  };
}, 120_000);
afterAll(async () => {
  await t?.close();
  console.log(
    `REST access matrix: ${cases} route × role cases run (${ROUTES.length} routes × 7 roles in the table)`,
  );
});

describe('coalition access matrix', () => {
  it('covers every coalition-scoped route of the OpenAPI document', async () => {
    const doc = await t
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    expect(doc.status).toBe(200);
    const documented = Object.entries(doc.body.paths)
      .filter(
        ([path]) =>
          path === '/api/v1/coalitions/{id}' || path.startsWith('/api/v1/coalitions/{id}/'),
      )
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => key(method, path)))
      .sort();
    const covered = ROUTES.map((r) => key(r.method, r.path)).sort();
    expect(new Set(covered).size).toBe(covered.length);
    expect(covered).toEqual(documented);
  });

  it('answers outsiders 404 NOT_FOUND on every route, exactly as for a coalition that does not exist, and changes nothing', async () => {
    const outsider = actors.outsider;
    const missing: Ids = { ...ids, id: '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93' };
    for (const route of ROUTES) {
      const before = await settledFingerprint(t);
      const res = await outsider.client.request<ErrorBody>(
        route.method,
        url(route.path, ids),
        route.body?.(ids),
      );
      expect({
        route: key(route.method, route.path),
        status: res.status,
        code: res.body?.error?.code,
      }).toEqual({
        route: key(route.method, route.path),
        status: 404,
        code: 'NOT_FOUND',
      });
      expect(await settledFingerprint(t)).toEqual(before);
      cases += 1;

      // The answer does not reveal that the coalition exists.
      const ghost = await outsider.client.request<ErrorBody>(
        route.method,
        url(route.path, missing),
        route.body?.(missing),
      );
      expect(ghost.status).toBe(404);
      expect(ghost.body.error.message).toBe(res.body.error.message);
    }
  });

  it('refuses every role that the table does not allow with 403 FORBIDDEN, changing nothing', async () => {
    const checked: string[] = [];
    for (const route of ROUTES) {
      for (const [actorKey, expected] of Object.entries(route.expect) as Array<
        [ActorKey, Expectation]
      >) {
        if (expected !== 403) continue;
        const before = await settledFingerprint(t);
        const res = await actors[actorKey].client.request<ErrorBody>(
          route.method,
          url(route.path, ids),
          route.body?.(ids),
        );
        const label = `${actorKey} ${key(route.method, route.path)}`;
        expect({ label, status: res.status, code: res.body?.error?.code }).toEqual({
          label,
          status: 403,
          code: 'FORBIDDEN',
        });
        expect(await settledFingerprint(t)).toEqual(before);
        checked.push(label);
        cases += 1;
      }
    }
    // Observers never write, except that an observer org's admin may take it out (tested below)
    // and that anyone may follow a bill (it only subscribes the caller to alerts).
    for (const route of ROUTES.filter(isWrite)) {
      if (route.path.endsWith('/leave') || route.path.endsWith('/follow')) continue;
      expect(checked).toContain(`observerAdmin ${key(route.method, route.path)}`);
      expect(checked).toContain(`observerUser ${key(route.method, route.path)}`);
    }
  });

  it('lets every member organization read what the table allows', async () => {
    for (const route of ROUTES.filter((r) => !isWrite(r))) {
      for (const [actorKey, expected] of Object.entries(route.expect) as Array<
        [ActorKey, Expectation]
      >) {
        if (expected !== 'ok') continue;
        const res = await actors[actorKey].client.get(url(route.path, ids));
        expect({ label: `${actorKey} GET ${route.path}`, status: res.status }).toEqual({
          label: `${actorKey} GET ${route.path}`,
          status: 200,
        });
        cases += 1;
      }
    }
  });

  it('lets a non-admin user of the coordinator organization run the working groups', async () => {
    const user = actors.coordinatorUser;
    const created = expectStatus(
      await user.client.post<WorkingGroupDto>(`/coalitions/${ids.id}/working-groups`, {
        name: 'Made by a coordinator user',
      }),
      201,
    );
    expectStatus(
      await user.client.patch(`/coalitions/${ids.id}/working-groups/${created.id}`, {
        name: 'Renamed by a coordinator user',
      }),
      200,
    );
    expectStatus(
      await user.client.delete(`/coalitions/${ids.id}/working-groups/${created.id}`),
      204,
    );
  });

  it("lets an observer organization's admin leave (and only then loses access)", async () => {
    expectError(
      await actors.observerUser.client.post(`/coalitions/${ids.id}/leave`),
      403,
      'FORBIDDEN',
    );
    expectStatus(await actors.observerAdmin.client.post(`/coalitions/${ids.id}/leave`), 204);
    expectError(await actors.observerUser.client.get(`/coalitions/${ids.id}`), 404, 'NOT_FOUND');
    const rows = await t.db.query(
      'SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2',
      [ids.id, actors.observerAdmin.me.organization.id],
    );
    expect(rows).toEqual([]);
  });
});

/**
 * Routes of one organization's own data (/organizations/{orgId}/...): its admins only; its other
 * people get 403; everyone else 404, as for an organization that does not exist. Writes are never
 * run as an allowed caller here (an export or an erasure of the coordinator organization would
 * change what the rest of this file relies on); org-export.spec and org-erasure.spec run them.
 */
interface OrgRouteCase {
  path: string;
  method: 'GET' | 'POST';
  body?: () => unknown;
}

const ORG_ROUTES: OrgRouteCase[] = [
  { method: 'POST', path: '/api/v1/organizations/{orgId}/exports' },
  { method: 'GET', path: '/api/v1/organizations/{orgId}/exports' },
  { method: 'GET', path: '/api/v1/organizations/{orgId}/exports/{exportId}' },
  { method: 'GET', path: '/api/v1/organizations/{orgId}/exports/{exportId}/download' },
  {
    method: 'POST',
    path: '/api/v1/organizations/{orgId}/erase',
    body: () => ({ confirmName: actors.coordinatorAdmin.me.organization.name }),
  },
];

describe('organization data access matrix', () => {
  let orgIds: { orgId: string; exportId: string };

  beforeAll(async () => {
    const admin = actors.coordinatorAdmin;
    const orgId = admin.me.organization.id;
    const started = expectStatus(
      await admin.client.post<{ id: string }>(`/organizations/${orgId}/exports`),
      202,
    );
    for (let i = 0; i < 600; i++) {
      const job = await admin.client.get<{ status: string }>(
        `/organizations/${orgId}/exports/${started.id}`,
      );
      if (job.body.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    orgIds = { orgId, exportId: started.id };
  }, 60_000);

  const orgUrl = (template: string, values: Record<string, string>) =>
    template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);

  it('covers every route under /organizations/{orgId} of the OpenAPI document', async () => {
    const doc = await t
      .client()
      .get<{ paths: Record<string, Record<string, unknown>> }>('/api/docs-json');
    const documented = Object.entries(doc.body.paths)
      .filter(([path]) => path.startsWith('/api/v1/organizations/{orgId}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => key(method, path)))
      .sort();
    expect(ORG_ROUTES.map((r) => key(r.method, r.path)).sort()).toEqual(documented);
  });

  it('answers 404 to other organizations (as for one that does not exist) and 403 to non-admins, changing nothing', async () => {
    const ghost = { ...orgIds, orgId: '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93' };
    for (const route of ORG_ROUTES) {
      const label = key(route.method, route.path);
      for (const actorKey of ['outsider', 'memberAdmin', 'observerUser'] as const) {
        const before = await settledFingerprint(t);
        const res = await actors[actorKey].client.request<ErrorBody>(
          route.method,
          orgUrl(route.path, orgIds),
          route.body?.(),
        );
        expect({ label, actorKey, status: res.status, code: res.body?.error?.code }).toEqual({
          label,
          actorKey,
          status: 404,
          code: 'NOT_FOUND',
        });
        expect(await settledFingerprint(t)).toEqual(before);
        const missing = await actors[actorKey].client.request<ErrorBody>(
          route.method,
          orgUrl(route.path, ghost),
          route.body?.(),
        );
        expect(missing.status).toBe(404);
        expect(missing.body.error.message).toBe(res.body.error.message);
      }
      const before = await settledFingerprint(t);
      const member = await actors.coordinatorUser.client.request<ErrorBody>(
        route.method,
        orgUrl(route.path, orgIds),
        route.body?.(),
      );
      expect({ label, status: member.status, code: member.body?.error?.code }).toEqual({
        label,
        status: 403,
        code: 'FORBIDDEN',
      });
      expect(await settledFingerprint(t)).toEqual(before);
    }
  });

  it('lets the organization’s admin read its exports', async () => {
    for (const route of ORG_ROUTES.filter((r) => r.method === 'GET')) {
      const res = await actors.coordinatorAdmin.client.get(orgUrl(route.path, orgIds));
      expect({ route: route.path, status: res.status }).toEqual({ route: route.path, status: 200 });
    }
  });
});
