import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { createNode } from '@coalesce/case-map';
import { CollabEvents, ORG_EXPORT_FORMAT } from '@coalesce/protocol';
import type { EntityChanged, ErrorBody, OrgExportDto, OrgExportManifest } from '@coalesce/protocol';
import { toMarkdown, updateToProsemirrorJson } from '@coalesce/rich-text';
import { OrgDataJob } from '../src/modules/org-data/org-data.job.js';
import { createDocument, rawSocket } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { openDocument } from './support/documents.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { downloadZip, sendEdit, utf8, waitForExport, withModuleEnv } from './support/org-data.js';
import { createTask } from './support/tasks.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let ours: Actor;
let ourMember: Actor;
let theirs: Actor;
let outsider: Actor;
let coalitionId: string;
let ourDocId: string;
let ourMapId: string;
let ourTaskId: string;
let assignedTaskId: string;
const sockets: Socket[] = [];

const OUR = 'OURS-MARKER';
const THEIR = 'THEIRS-MARKER';

beforeAll(async () => {
  // No background job and no background checkpoints: the fingerprints around refused calls must
  // see only those calls.
  t = await withModuleEnv(
    { ORG_DATA_JOB_INTERVAL_MS: '0', COLLAB_COMPACTION_INTERVAL_MS: '0' },
    () => startTestApp(),
  );
  ours = await signUpOrg(t, 'exporting');
  ourMember = await addColleague(t, ours);
  theirs = await signUpOrg(t, 'other');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(ours)).id;
  await joinCoalition(ours, theirs, coalitionId, 'member');

  // Documents: ours (with text), theirs (with text), and a comment each way.
  const ourDoc = await createDocument(ours, coalitionId, { title: 'Our lobbying plan' });
  const theirDoc = await createDocument(theirs, coalitionId, { title: 'Their plan' });
  ourDocId = ourDoc.id;
  const ourEditor = await openDocument(t, ours);
  const theirEditor = await openDocument(t, theirs);
  sockets.push(ourEditor.socket, theirEditor.socket);
  const ourOpened = await ourEditor.open(ourDoc.id);
  expect((await ourOpened.appendParagraph(`${OUR}-DOC: meet the Senate staff`)).ok).toBe(true);
  expect((await ourOpened.appendParagraph('Second paragraph, ours too')).ok).toBe(true);
  const theirOpened = await theirEditor.open(theirDoc.id);
  expect((await theirOpened.appendParagraph(`${THEIR}-DOC: private strategy`)).ok).toBe(true);
  // The other organization types in our document and deletes it again: a merged Yjs state would
  // still carry those characters; the export must not.
  const theirsInOurs = await theirEditor.open(ourDoc.id);
  expect((await theirsInOurs.appendParagraph(`${THEIR}-DELETED typed by mistake`)).ok).toBe(true);
  const removed = await sendEdit(theirsInOurs, (doc) => {
    const fragment = doc.getXmlFragment('default');
    fragment.delete(fragment.length - 1, 1);
  });
  expect(removed.ok).toBe(true);
  expectStatus(
    await ours.client.post(`/documents/${theirDoc.id}/comments`, {
      anchor: anchorOf(),
      quote: 'private',
      body: `${OUR}-COMMENT on their plan`,
    }),
    201,
  );
  expectStatus(
    await theirs.client.post(`/documents/${ourDoc.id}/comments`, {
      anchor: anchorOf(),
      quote: 'meet',
      body: `${THEIR}-COMMENT on our plan`,
    }),
    201,
  );

  // A case map of ours with one node.
  const map = await createDocument(ours, coalitionId, {
    title: 'Tuna supply chain',
    kind: 'case-map',
  });
  ourMapId = map.id;
  const opened = await ourEditor.open(map.id);
  const sent = await sendEdit(opened, (doc) => {
    createNode(
      { shared: doc, layers: new Map() },
      { orgId: ours.me.organization.id, userId: ours.me.id },
      { type: 'vessel', name: `${OUR}-NODE Tunago No. 61`, x: 10, y: 20 },
    );
  });
  expect(sent.ok).toBe(true);
  // A private node in our organization's private layer of that map.
  const layers = expectStatus(
    await ours.client.get<{ layers: Array<{ docId: string; own: boolean }> }>(
      `/case-maps/${map.id}/layers`,
    ),
    200,
  );
  const ownLayer = layers.layers.find((l) => l.own)!;
  const layerOpened = await ourEditor.open(ownLayer.docId);
  const layerSent = await sendEdit(layerOpened, (layer) => {
    createNode(
      { shared: new Y.Doc(), layers: new Map([[ours.me.organization.id, layer]]) },
      { orgId: ours.me.organization.id, userId: ours.me.id },
      { type: 'person', sensitivity: 'private', name: `${OUR}-PRIVATE witness`, x: 0, y: 0 },
    );
  });
  expect(layerSent.ok).toBe(true);

  // Tasks: ours, theirs assigned to us, theirs alone.
  ourTaskId = (await createTask(ours, coalitionId, { title: `${OUR}-TASK brief the clerk` })).id;
  expectStatus(
    await theirs.client.post(`/coalitions/${coalitionId}/tasks/${ourTaskId}/comments`, {
      body: 'Happy to help with the brief',
    }),
    201,
  );
  assignedTaskId = (
    await createTask(theirs, coalitionId, {
      title: 'Assigned to the exporting org',
      assigneeOrgId: ours.me.organization.id,
    })
  ).id;
  await createTask(theirs, coalitionId, { title: `${THEIR}-TASK not ours` });

  // A bill with both positions, and a meeting of ours.
  const bill = expectStatus(
    await ours.client.post<{ id: string }>(`/coalitions/${coalitionId}/bills`, {
      jurisdiction: 'US federal',
      session: '115',
      identifier: 'HR 2200',
      originChamber: 'lower',
      title: 'Frederick Douglass Trafficking Victims Prevention and Protection Reauthorization Act',
    }),
    201,
  );
  expectStatus(
    await ours.client.post(`/coalitions/${coalitionId}/bills/${bill.id}/position`, {
      stance: 'support',
      rationale: `${OUR}-POSITION protects survivors`,
    }),
    200,
  );
  expectStatus(
    await theirs.client.post(`/coalitions/${coalitionId}/bills/${bill.id}/position`, {
      stance: 'support-if-amended',
      rationale: `${THEIR}-POSITION needs changes`,
    }),
    200,
  );
  expectStatus(
    await ours.client.post(`/coalitions/${coalitionId}/meetings`, {
      office: 'Rep. Christopher H. Smith',
      startsAt: '2030-01-03T15:00:00Z',
      notes: `${OUR}-MEETING asked for a hearing`,
    }),
    201,
  );
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

describe('organization export', () => {
  let job: OrgExportDto;
  const pushes: EntityChanged[] = [];
  const memberPushes: EntityChanged[] = [];

  it('runs in the background, pushes its progress live to the admins and reaches 100', async () => {
    const adminSocket = await rawSocket(t, ours.client.token);
    const memberSocket = await rawSocket(t, ourMember.client.token);
    sockets.push(adminSocket, memberSocket);
    adminSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => pushes.push(e));
    memberSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => {
      if (e.type === 'org-export') memberPushes.push(e);
    });

    const started = await ours.client.post<OrgExportDto>(
      `/organizations/${ours.me.organization.id}/exports`,
    );
    const created = expectStatus(started, 202);
    expect(created).toMatchObject({
      organizationId: ours.me.organization.id,
      createdBy: { id: ours.me.id },
      fileName: null,
    });
    expect(['queued', 'running']).toContain(created.status);

    job = await waitForExport(ours, ours.me.organization.id, created.id);
    expect(job).toMatchObject({ status: 'ready', progress: 100, error: null, step: null });
    expect(job.fileName).toMatch(/^coalesce-.+-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(job.fileSize).toBeGreaterThan(500);
    expect(new Date(job.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);

    const mine = () => pushes.filter((e) => e.type === 'org-export' && e.id === created.id);
    const deadline = Date.now() + 2000;
    while (mine().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(mine().length).toBeGreaterThanOrEqual(3);
    expect(mine()[0]).toEqual({
      coalitionId: null,
      type: 'org-export',
      id: created.id,
      action: 'created',
    });
    expect(memberPushes).toEqual([]);

    const list = expectStatus(
      await ours.client.get<OrgExportDto[]>(`/organizations/${ours.me.organization.id}/exports`),
      200,
    );
    expect(list[0]).toEqual(job);
  });

  it('streams a ZIP with the manifest and everything of the organization, nothing of another one', async () => {
    const { files, headers, bytes } = await downloadZip(ours, ours.me.organization.id, job.id);
    expect(headers.get('content-type')).toBe('application/zip');
    expect(headers.get('content-disposition')).toBe(`attachment; filename="${job.fileName}"`);
    expect(bytes).toBe(job.fileSize);

    const manifest = JSON.parse(utf8(files['manifest.json'])) as OrgExportManifest;
    expect(manifest).toMatchObject({
      format: ORG_EXPORT_FORMAT,
      version: 1,
      exportId: job.id,
      organization: { id: ours.me.organization.id },
      requestedBy: { id: ours.me.id },
    });
    expect(manifest.counts).toMatchObject({ members: 2 });
    expect(manifest.counts.auditEntries).toBeGreaterThan(0);
    expect(manifest.coalitions).toHaveLength(1);
    const coalition = manifest.coalitions[0];
    expect(coalition).toMatchObject({ id: coalitionId, role: 'coordinator' });
    expect(coalition.counts).toEqual({
      documents: 1,
      caseMaps: 1,
      privateMapLayers: 1,
      billPositions: 1,
      meetings: 1,
      tasks: 2,
      comments: 1,
    });
    // Every file is listed with its size, and every listed file is there.
    const listed = manifest.files.map((f) => f.path).sort();
    expect(listed).toEqual(
      Object.keys(files)
        .filter((p) => p !== 'manifest.json')
        .sort(),
    );
    for (const f of manifest.files) expect(files[f.path].byteLength).toBe(f.bytes);

    // The document: Markdown as the single-document export gives it, and a Yjs state with the same text.
    const folder = coalition.folder;
    const mdPath = Object.keys(files).find(
      (p) => p.startsWith(`${folder}/documents/`) && p.endsWith(`-${ourDocId}.md`),
    )!;
    expect(mdPath).toBe(`${folder}/documents/our-lobbying-plan-${ourDocId}.md`);
    const markdown = utf8(files[mdPath]);
    expect(markdown).toContain(`${OUR}-DOC: meet the Senate staff`);
    const single = await ours.client.get<string>(`/documents/${ourDocId}/export.md`);
    expect(markdown).toBe(single.body);
    const state = files[`${folder}/documents/${ourDocId}.yjs`];
    expect(toMarkdown(updateToProsemirrorJson(state))).toBe(markdown);
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, state);
    expect(ydoc.getXmlFragment('default').length).toBeGreaterThanOrEqual(2);
    const meta = JSON.parse(utf8(files[`${folder}/documents/${ourDocId}.json`]));
    expect(meta).toMatchObject({
      id: ourDocId,
      title: 'Our lobbying plan',
      kind: 'plan',
      commentThreads: 1,
    });

    // The case map: its Yjs state and the importable JSON.
    const mapJson = JSON.parse(
      utf8(files[`${folder}/case-maps/tuna-supply-chain-${ourMapId}.json`]),
    );
    expect(mapJson).toMatchObject({ format: 'coalesce.case-map', version: 1 });
    expect(mapJson.nodes).toEqual([
      expect.objectContaining({ type: 'vessel', name: `${OUR}-NODE Tunago No. 61` }),
    ]);
    expect(files[`${folder}/case-maps/${ourMapId}.yjs`].byteLength).toBeGreaterThan(10);
    // Our private layer: the map as we see it in full, with the private node.
    const layerJson = JSON.parse(
      utf8(files[`${folder}/case-map-layers/tuna-supply-chain-${ourMapId}.json`]),
    );
    expect(layerJson.nodes.map((n: { name: string }) => n.name).sort()).toEqual([
      `${OUR}-NODE Tunago No. 61`,
      `${OUR}-PRIVATE witness`,
    ]);
    expect(files[`${folder}/case-map-layers/${ourMapId}.layer.yjs`].byteLength).toBeGreaterThan(10);
    expect(utf8(files[`${folder}/case-maps/tuna-supply-chain-${ourMapId}.json`])).not.toContain(
      'PRIVATE witness',
    );

    const tasks = JSON.parse(utf8(files[`${folder}/tasks.json`])) as Array<{
      id: string;
      title: string;
      comments: Array<{ body: string }>;
    }>;
    expect(tasks.map((x) => x.id).sort()).toEqual([ourTaskId, assignedTaskId].sort());
    expect(tasks.find((x) => x.id === ourTaskId)!.comments).toEqual([
      expect.objectContaining({ body: 'Happy to help with the brief' }),
    ]);
    const positions = JSON.parse(utf8(files[`${folder}/bill-positions.json`]));
    expect(positions).toEqual([
      expect.objectContaining({
        stance: 'support',
        rationale: `${OUR}-POSITION protects survivors`,
        bill: expect.objectContaining({ identifier: 'HR 2200' }),
      }),
    ]);
    const meetings = JSON.parse(utf8(files[`${folder}/meetings.json`]));
    expect(meetings).toEqual([
      expect.objectContaining({ notes: `${OUR}-MEETING asked for a hearing`, loggedByUs: true }),
    ]);
    const comments = JSON.parse(utf8(files[`${folder}/comments.json`]));
    expect(comments).toEqual([
      expect.objectContaining({
        body: `${OUR}-COMMENT on their plan`,
        document: expect.objectContaining({ title: 'Their plan' }),
      }),
    ]);
    const org = JSON.parse(utf8(files['organization.json']));
    expect(org.people.map((p: { email: string }) => p.email).sort()).toEqual(
      [ours.email, ourMember.email].sort(),
    );
    const audit = JSON.parse(utf8(files['audit.json'])) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toContain('org.export-requested');

    // Nothing of the other organization, in any file.
    for (const [path, content] of Object.entries(files)) {
      expect({ path, leaks: Buffer.from(content).includes(THEIR) }).toEqual({ path, leaks: false });
    }
  });

  it('records the request and the download in the audit log', async () => {
    const rows: Array<{ action: string; actor_user_id: string }> = await t.db.query(
      `SELECT action, actor_user_id FROM audit_log
        WHERE organization_id = $1 AND target_id = $2 ORDER BY id`,
      [ours.me.organization.id, job.id],
    );
    expect(rows).toEqual([
      { action: 'org.export-requested', actor_user_id: ours.me.id },
      { action: 'org.export-downloaded', actor_user_id: ours.me.id },
    ]);
  });

  it('refuses a second export while one is being prepared (409 with its id)', async () => {
    const [{ id }]: Array<{ id: string }> = await t.db.query(
      `INSERT INTO org_exports (organization_id, created_by_user_id) VALUES ($1, $2) RETURNING id`,
      [ours.me.organization.id, ours.me.id],
    );
    const res = await ours.client.post<ErrorBody>(
      `/organizations/${ours.me.organization.id}/exports`,
    );
    expect(expectError(res, 409, 'CONFLICT').error.details).toEqual({ exportId: id });
    await t.db.query('DELETE FROM org_exports WHERE id = $1', [id]);
  });

  it('answers members 403 and anyone outside the organization 404, changing nothing', async () => {
    const org = ours.me.organization.id;
    const routes: Array<[string, string]> = [
      ['POST', `/organizations/${org}/exports`],
      ['GET', `/organizations/${org}/exports`],
      ['GET', `/organizations/${org}/exports/${job.id}`],
      ['GET', `/organizations/${org}/exports/${job.id}/download`],
    ];
    for (const [method, path] of routes) {
      const before = await settledFingerprint(t);
      expectError(await ourMember.client.request(method, path), 403, 'FORBIDDEN');
      expectError(await outsider.client.request(method, path), 404, 'NOT_FOUND');
      expectError(await theirs.client.request(method, path), 404, 'NOT_FOUND');
      expect(await settledFingerprint(t)).toEqual(before);
    }
    // Another organization's export id under our organization is not found either.
    expectError(
      await theirs.client.get(`/organizations/${theirs.me.organization.id}/exports/${job.id}`),
      404,
      'NOT_FOUND',
    );
  });

  it('deletes the file once it expires; the download then answers 404', async () => {
    const run = await t.app.get(OrgDataJob).run(new Date(Date.now() + 25 * 3600_000));
    expect(run.expired).toBe(1);
    const after = expectStatus(
      await ours.client.get<OrgExportDto>(
        `/organizations/${ours.me.organization.id}/exports/${job.id}`,
      ),
      200,
    );
    expect(after).toMatchObject({
      status: 'expired',
      fileName: null,
      fileSize: null,
      expiresAt: null,
    });
    const chunks: Array<{ n: string }> = await t.db.query(
      'SELECT count(*) AS n FROM org_export_chunks WHERE export_id = $1',
      [job.id],
    );
    expect(Number(chunks[0].n)).toBe(0);
    const res = await ours.client.get<ErrorBody>(
      `/organizations/${ours.me.organization.id}/exports/${job.id}/download`,
    );
    expect(expectError(res, 404, 'NOT_FOUND').error.message).toMatch(/expired/);
  });

  it('marks an export whose process died as failed', async () => {
    const [{ id }]: Array<{ id: string }> = await t.db.query(
      `INSERT INTO org_exports (organization_id, created_by_user_id, status, started_at, heartbeat_at)
       VALUES ($1, $2, 'running', now() - interval '1 hour', now() - interval '1 hour') RETURNING id`,
      [ours.me.organization.id, ours.me.id],
    );
    const run = await t.app.get(OrgDataJob).run();
    expect(run.interrupted).toBe(1);
    const failed = expectStatus(
      await ours.client.get<OrgExportDto>(
        `/organizations/${ours.me.organization.id}/exports/${id}`,
      ),
      200,
    );
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringMatching(/interrupted/) });
  });
});
