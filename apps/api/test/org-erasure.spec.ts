import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import type { ErrorBody, OrgErasureDto, TaskDetailDto } from '@coalesce/protocol';
import { OrgDataJob } from '../src/modules/org-data/org-data.job.js';
import { createDocument, rawSocket } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { openDocument } from './support/documents.js';
import { expectError, expectStatus } from './support/expect.js';
import {
  PASSWORD,
  addColleague,
  createCoalition,
  joinCoalition,
  signUpOrg,
} from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { bytesContain, withModuleEnv } from './support/org-data.js';
import { createTask } from './support/tasks.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: Actor;
let erasedAdmin: Actor;
let erasedMember: Actor;
let outsider: Actor;
let coalitionId: string;
let erasedDocId: string;
let sharedDocId: string;
let erasedTaskId: string;
let assignedTaskId: string;
let erasedOrgName: string;
const sockets: Socket[] = [];

const ERASED_TEXT = 'Field notes only the erased org wrote';

beforeAll(async () => {
  // No background compaction or checkpoints: the "nothing changed" checks compare every table.
  t = await withModuleEnv(
    { ORG_DATA_JOB_INTERVAL_MS: '0', COLLAB_COMPACTION_INTERVAL_MS: '0' },
    () => startTestApp(),
  );
  coordinator = await signUpOrg(t, 'coordinator');
  erasedAdmin = await signUpOrg(t, 'erased');
  erasedMember = await addColleague(t, erasedAdmin);
  outsider = await signUpOrg(t, 'outsider');
  erasedOrgName = erasedAdmin.me.organization.name;
  coalitionId = (await createCoalition(coordinator)).id;
  await joinCoalition(coordinator, erasedAdmin, coalitionId, 'member');

  const own = await createDocument(erasedAdmin, coalitionId, { title: 'Erased org plan' });
  erasedDocId = own.id;
  const shared = await createDocument(coordinator, coalitionId, { title: 'Coalition plan' });
  sharedDocId = shared.id;
  const editor = await openDocument(t, erasedMember);
  const coordinatorEditor = await openDocument(t, coordinator);
  sockets.push(editor.socket, coordinatorEditor.socket);
  expect((await (await editor.open(own.id)).appendParagraph('Our own plan text')).ok).toBe(true);
  const coordinatorView = await coordinatorEditor.open(shared.id);
  expect((await coordinatorView.appendParagraph('Coordinator text stays')).ok).toBe(true);
  const inShared = await editor.open(shared.id);
  expect((await inShared.appendParagraph(ERASED_TEXT)).ok).toBe(true);
  expectStatus(
    await erasedMember.client.post(`/documents/${shared.id}/comments`, {
      anchor: anchorOf(),
      quote: 'Coordinator',
      body: 'A comment by the erased org',
    }),
    201,
  );

  erasedTaskId = (await createTask(erasedAdmin, coalitionId, { title: 'Erased org task' })).id;
  assignedTaskId = (
    await createTask(coordinator, coalitionId, {
      title: 'Coordinator task for the erased org',
      assigneeOrgId: erasedAdmin.me.organization.id,
    })
  ).id;
  const bill = expectStatus(
    await coordinator.client.post<{ id: string }>(`/coalitions/${coalitionId}/bills`, {
      jurisdiction: 'US federal',
      session: '117',
      identifier: 'S 3946',
      originChamber: 'upper',
      title: 'Abolish Trafficking Reauthorization Act of 2022',
    }),
    201,
  );
  expectStatus(
    await erasedAdmin.client.post(`/coalitions/${coalitionId}/bills/${bill.id}/position`, {
      stance: 'support',
    }),
    200,
  );
  expectStatus(
    await erasedAdmin.client.post(`/coalitions/${coalitionId}/meetings`, {
      office: 'Sen. Example',
      startsAt: '2030-02-03T15:00:00Z',
    }),
    201,
  );
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

const erase = (actor: Actor, orgId: string, confirmName: string) =>
  actor.client.post<OrgErasureDto | ErrorBody>(`/organizations/${orgId}/erase`, { confirmName });

describe('erasing an organization', () => {
  it('is for the organization’s admins: members get 403, anyone else 404, nothing changes', async () => {
    const org = erasedAdmin.me.organization.id;
    const before = await settledFingerprint(t);
    expectError(await erase(erasedMember, org, erasedOrgName), 403, 'FORBIDDEN');
    expectError(await erase(outsider, org, erasedOrgName), 404, 'NOT_FOUND');
    expectError(await erase(coordinator, org, erasedOrgName), 404, 'NOT_FOUND');
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('wants the organization’s name typed again (400 otherwise, nothing changes)', async () => {
    const before = await settledFingerprint(t);
    const wrong = await erase(erasedAdmin, erasedAdmin.me.organization.id, 'Some other name');
    const body = expectError(wrong, 400, 'VALIDATION_FAILED');
    expect(body.error.fields?.[0].path).toBe('confirmName');
    expectError(
      await erasedAdmin.client.post(`/organizations/${erasedAdmin.me.organization.id}/erase`, {}),
      400,
      'VALIDATION_FAILED',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('is refused while the organization is the last coordinator of a coalition with other members', async () => {
    const lonely = await signUpOrg(t, 'lonely-coordinator');
    const member = await signUpOrg(t, 'member');
    const coalition = await createCoalition(lonely);
    await joinCoalition(lonely, member, coalition.id, 'member');
    const before = await settledFingerprint(t);
    const res = await erase(lonely, lonely.me.organization.id, lonely.me.organization.name);
    expect(expectError(res, 409, 'LAST_COORDINATOR').error.details).toEqual({
      coalitions: [{ id: coalition.id, name: coalition.name }],
    });
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('deletes its documents and work, replaces its contributions, disables and anonymises its people', async () => {
    const socket = await rawSocket(t, erasedMember.client.token);
    sockets.push(socket);
    const disconnected = new Promise<void>((resolve) => socket.once('disconnect', () => resolve()));
    const auditBefore: Array<{ n: string }> = await t.db.query(
      'SELECT count(*) AS n FROM audit_log WHERE organization_id = $1',
      [erasedAdmin.me.organization.id],
    );

    const res = await erase(erasedAdmin, erasedAdmin.me.organization.id, ` ${erasedOrgName} `);
    const result = expectStatus(res, 200) as OrgErasureDto;
    expect(result.organizationId).toBe(erasedAdmin.me.organization.id);
    expect(result.counts).toMatchObject({
      documentsDeleted: 1,
      tasks: 1,
      tasksUnassigned: 1,
      billPositions: 1,
      meetings: 1,
      people: 2,
      documentsWithPlaceholders: 1,
      placeholders: 1,
      commentsReplaced: 1,
    });
    await disconnected;

    // Its document is gone with its storage; the coordinator's document keeps only its own text.
    expectError(await coordinator.client.get(`/documents/${erasedDocId}`), 404, 'NOT_FOUND');
    for (const table of ['documents', 'doc_snapshots', 'doc_versions', 'doc_heads']) {
      const key = table === 'documents' ? 'id' : 'doc_id';
      const rows = await t.db.query(`SELECT 1 FROM ${table} WHERE ${key} = $1`, [erasedDocId]);
      expect({ table, rows: rows.length }).toEqual({ table, rows: 0 });
    }
    const markdown = await coordinator.client.get<string>(`/documents/${sharedDocId}/export.md`);
    expect(markdown.body).toContain('Coordinator text stays');
    expect(markdown.body).toContain('removed: content of an erased organization');
    expect(markdown.body).not.toContain(ERASED_TEXT);
    const [{ state }]: Array<{ state: Buffer }> = await t.db.query(
      'SELECT state FROM doc_snapshots WHERE doc_id = $1',
      [sharedDocId],
    );
    expect(bytesContain(state, ERASED_TEXT)).toBe(false);

    // Its work: its task and meeting are gone, the task assigned to it is unassigned.
    expectError(
      await coordinator.client.get(`/coalitions/${coalitionId}/tasks/${erasedTaskId}`),
      404,
      'NOT_FOUND',
    );
    const assigned = expectStatus(
      await coordinator.client.get<TaskDetailDto>(
        `/coalitions/${coalitionId}/tasks/${assignedTaskId}`,
      ),
      200,
    );
    expect(assigned.assigneeOrg).toBeNull();
    const leftovers: Array<{ n: string }> = await t.db.query(
      `SELECT (SELECT count(*) FROM bill_positions WHERE organization_id = $1)
            + (SELECT count(*) FROM meetings WHERE created_by_org_id = $1)
            + (SELECT count(*) FROM coalition_members WHERE organization_id = $1)
            + (SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.organization_id = $1)
            + (SELECT count(*) FROM doc_clients WHERE organization_id = $1) AS n`,
      [erasedAdmin.me.organization.id],
    );
    expect(Number(leftovers[0].n)).toBe(0);

    // Its people: disabled, anonymised, signed out; nobody can sign in with their old address.
    const people: Array<{ name: string; email: string; disabled_at: Date | null }> =
      await t.db.query('SELECT name, email, disabled_at FROM users WHERE organization_id = $1', [
        erasedAdmin.me.organization.id,
      ]);
    expect(people).toHaveLength(2);
    for (const p of people) {
      expect(p.name).toBe('Erased user');
      expect(p.email).toMatch(/^erased-.+@erased\.invalid$/);
      expect(p.disabled_at).not.toBeNull();
    }
    expectError(await erasedMember.client.get('/me'), 401, 'SESSION_REVOKED');
    const login = await t.client().login(erasedAdmin.email, PASSWORD);
    expect(login.status).toBe(401);
    const [org]: Array<{ name: string; website: string | null }> = await t.db.query(
      'SELECT name, website FROM organizations WHERE id = $1',
      [erasedAdmin.me.organization.id],
    );
    expect(org).toEqual({ name: 'Erased organization', website: null });

    // The audit log keeps what it had and ends with the erasure.
    const audit: Array<{ action: string; details: Record<string, unknown> }> = await t.db.query(
      'SELECT action, details FROM audit_log WHERE organization_id = $1 ORDER BY id',
      [erasedAdmin.me.organization.id],
    );
    expect(audit.length).toBeGreaterThanOrEqual(Number(auditBefore[0].n) + 2);
    expect(audit.map((a) => a.action).slice(-2)).toEqual([
      'organization.erase-requested',
      'organization.erased',
    ]);
    expect(audit[audit.length - 1].details).toMatchObject({ documentsDeleted: 1, people: 2 });
    await expect(
      t.db.query(`UPDATE audit_log SET details = '{}' WHERE organization_id = $1`, [
        erasedAdmin.me.organization.id,
      ]),
    ).rejects.toThrow(/append-only/);
  });

  it('finishes an erasure whose process stopped after the request (the periodic job)', async () => {
    const admin = await signUpOrg(t, 'interrupted');
    const coalition = await createCoalition(admin);
    const doc = await createDocument(admin, coalition.id, { title: 'Left behind' });
    // The request step committed, then the process died before the rest ran.
    await t.db.query(
      'INSERT INTO org_erasures (organization_id, requested_by_user_id) VALUES ($1, $2)',
      [admin.me.organization.id, admin.me.id],
    );
    const run = await t.app.get(OrgDataJob).run();
    expect(run.erasuresResumed).toBe(1);
    expect(await t.db.query('SELECT 1 FROM documents WHERE id = $1', [doc.id])).toEqual([]);
    const rows: Array<{ action: string }> = await t.db.query(
      `SELECT action FROM audit_log WHERE organization_id = $1 AND action = 'organization.erased'`,
      [admin.me.organization.id],
    );
    expect(rows).toHaveLength(1);
    expect((await t.app.get(OrgDataJob).run()).erasuresResumed).toBe(0);
  });

  it('does not list the erased organization in the directory', async () => {
    const found = expectStatus(
      await coordinator.client.get<Array<{ id: string }>>('/organizations?search=Erased'),
      200,
    );
    expect(found.map((o) => o.id)).not.toContain(erasedAdmin.me.organization.id);
  });
});
