import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import type { Socket } from 'socket.io-client';
import { createNode, readMap } from '@coalesce/case-map';
import type { CommentThreadDto, ErrorBody } from '@coalesce/protocol';
import { CompactionService } from '../src/modules/collab/compaction.service.js';
import { OrgDataJob } from '../src/modules/org-data/org-data.job.js';
import { createDocument } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { openDocument } from './support/documents.js';
import type { OpenedDoc } from './support/documents.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import {
  bytesContain,
  docText,
  followBroadcasts,
  paragraphText,
  sendEdit,
  withModuleEnv,
} from './support/org-data.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let owner: Actor;
let leavingAdmin: Actor;
let leavingMember: Actor;
let stayingOrg: Actor;
let coalitionId: string;
let planId: string;
let mapId: string;
let ownerView: OpenedDoc;
let placeholder: string;
const sockets: Socket[] = [];

const SECRET_1 = 'Leaving org secret source';
const SECRET_2 = 'leaving org inline aside';
const SECRET_3 = 'Written after compaction by the leaving org';

beforeAll(async () => {
  t = await withModuleEnv(
    { ORG_DATA_JOB_INTERVAL_MS: '0', COLLAB_COMPACTION_INTERVAL_MS: '0' },
    () => startTestApp(),
  );
  owner = await signUpOrg(t, 'owner');
  leavingAdmin = await signUpOrg(t, 'leaving');
  leavingMember = await addColleague(t, leavingAdmin);
  stayingOrg = await signUpOrg(t, 'staying');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, leavingAdmin, coalitionId, 'member');
  await joinCoalition(owner, stayingOrg, coalitionId, 'member');
  placeholder = `[removed: ${leavingAdmin.me.organization.name} left the coalition]`;

  const plan = await createDocument(owner, coalitionId, { title: 'Shared lobbying plan' });
  planId = plan.id;
  const ownerEditor = await openDocument(t, owner);
  const leavingEditor = await openDocument(t, leavingMember);
  const stayingEditor = await openDocument(t, stayingOrg);
  sockets.push(ownerEditor.socket, leavingEditor.socket, stayingEditor.socket);

  ownerView = await ownerEditor.open(plan.id);
  followBroadcasts(ownerView);
  expect((await ownerView.appendParagraph('Owner opening line.')).ok).toBe(true);
  expect((await ownerView.appendParagraph('Owner closing line.')).ok).toBe(true);

  // The leaving org adds a paragraph and types inside the owner's first paragraph.
  const leaving = await leavingEditor.open(plan.id);
  expect((await leaving.appendParagraph(SECRET_1)).ok).toBe(true);
  expect(
    (
      await sendEdit(leaving, () => {
        paragraphText(leaving.ydoc, 0).insert(5, ` ${SECRET_2}`);
      })
    ).ok,
  ).toBe(true);
  // Another member organization writes too (it does not leave).
  const staying = await stayingEditor.open(plan.id);
  expect((await staying.appendParagraph('Staying org contribution.')).ok).toBe(true);

  // Everything so far is folded into the snapshot: authorship must survive compaction.
  expect(await t.app.get(CompactionService).compact(plan.id)).toBe(true);
  const pending: Array<{ n: string }> = await t.db.query(
    'SELECT count(*) AS n FROM doc_updates WHERE doc_id = $1',
    [plan.id],
  );
  expect(Number(pending[0].n)).toBe(0);
  // A version that holds the leaving org's text, then an edit that stays in the update log.
  expectStatus(await owner.client.post(`/documents/${plan.id}/versions`, { name: 'Draft 1' }), 201);
  await new Promise((r) => setTimeout(r, 100));
  Y.applyUpdate(leaving.ydoc, Y.encodeStateAsUpdate(ownerView.ydoc));
  expect((await leaving.appendParagraph(SECRET_3)).ok).toBe(true);

  // Comments: one by the leaving org, one by the owner.
  expectStatus(
    await leavingMember.client.post(`/documents/${plan.id}/comments`, {
      anchor: anchorOf(),
      quote: 'Owner',
      body: 'Leaving org comment with a phone number',
    }),
    201,
  );
  expectStatus(
    await owner.client.post(`/documents/${plan.id}/comments`, {
      anchor: anchorOf(),
      quote: 'closing',
      body: 'Owner comment stays',
    }),
    201,
  );

  // A case map of the owner, with a node of each organization.
  const map = await createDocument(owner, coalitionId, { title: 'Supply chain', kind: 'case-map' });
  mapId = map.id;
  const ownerMap = await ownerEditor.open(map.id);
  await sendEdit(ownerMap, (doc) => {
    createNode(
      { shared: doc, layers: new Map() },
      { orgId: owner.me.organization.id, userId: owner.me.id },
      { id: 'owner-node', type: 'vessel', name: 'Owner vessel', x: 0, y: 0 },
    );
  });
  const leavingMap = await leavingEditor.open(map.id);
  Y.applyUpdate(leavingMap.ydoc, Y.encodeStateAsUpdate(ownerMap.ydoc));
  const mapEdit = await sendEdit(leavingMap, (doc) => {
    createNode(
      { shared: doc, layers: new Map() },
      { orgId: leavingAdmin.me.organization.id, userId: leavingMember.me.id },
      { id: 'leaving-node', type: 'person', name: 'Informant name', x: 5, y: 5 },
    );
  });
  expect(mapEdit.ok).toBe(true);
}, 120_000);

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await t?.close();
});

describe('leaving a coalition with placeholders', () => {
  it('refuses an unknown choice with 400 and the organization stays', async () => {
    const before = await settledFingerprint(t);
    const res = await leavingAdmin.client.post<ErrorBody>(`/coalitions/${coalitionId}/leave`, {
      contributions: 'delete-everything',
    });
    expect(expectError(res, 400, 'VALIDATION_FAILED').error.fields?.[0].path).toBe('contributions');
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('recorded which Yjs clients the leaving organization used, before compaction deleted their rows', async () => {
    const rows: Array<{ organization_id: string }> = await t.db.query(
      'SELECT DISTINCT organization_id FROM doc_clients WHERE doc_id = $1',
      [planId],
    );
    expect(rows.map((r) => r.organization_id).sort()).toEqual(
      [
        owner.me.organization.id,
        leavingAdmin.me.organization.id,
        stayingOrg.me.organization.id,
      ].sort(),
    );
  });

  it('replaces the text its people wrote in another organization’s document, live for open editors', async () => {
    expect(docText(ownerView.ydoc)).toContain(SECRET_1);
    expectStatus(
      await leavingAdmin.client.post(`/coalitions/${coalitionId}/leave`, {
        contributions: 'replace-with-placeholders',
      }),
      204,
    );

    const expected = [
      `Owner${placeholder} opening line.`,
      'Owner closing line.',
      placeholder,
      'Staying org contribution.',
      placeholder,
    ].join('\n');
    const started = Date.now();
    while (docText(ownerView.ydoc) !== expected && Date.now() - started < 5000)
      await new Promise((r) => setTimeout(r, 20));
    expect(docText(ownerView.ydoc)).toBe(expected);

    const markdown = await owner.client.get<string>(`/documents/${planId}/export.md`);
    expect(markdown.body).toContain('Staying org contribution.');
    expect(markdown.body).not.toContain('secret');
    // Markdown escapes the brackets; the words are there once per run.
    const words = `removed: ${leavingAdmin.me.organization.name} left the coalition`;
    expect(markdown.body.split(words).length - 1).toBe(3);
  });

  it('leaves no copy of the removed text in the snapshot, the update log or the versions', async () => {
    const snapshots: Array<{ state: Buffer }> = await t.db.query(
      'SELECT state FROM doc_snapshots WHERE doc_id = $1',
      [planId],
    );
    const updates: Array<{ update: Buffer }> = await t.db.query(
      'SELECT update FROM doc_updates WHERE doc_id = $1',
      [planId],
    );
    const versions: Array<{ state: Buffer }> = await t.db.query(
      'SELECT state FROM doc_versions WHERE doc_id = $1',
      [planId],
    );
    expect(versions.length).toBeGreaterThan(0);
    for (const bytes of [...snapshots, ...versions]
      .map((r) => r.state)
      .concat(updates.map((u) => u.update))) {
      for (const secret of [SECRET_1, SECRET_2, SECRET_3])
        expect(bytesContain(bytes, secret)).toBe(false);
    }
    // The restored version reads with placeholders too.
    const state = versions[0].state;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, new Uint8Array(state));
    expect(docText(doc)).toContain(placeholder);
    expect(docText(doc)).toContain('Staying org contribution.');
  });

  it('replaces its comments and its case-map nodes, and keeps everyone else’s', async () => {
    const threads = expectStatus(
      await owner.client.get<CommentThreadDto[]>(`/documents/${planId}/comments`),
      200,
    );
    const bodies = threads.flatMap((th) => th.comments.map((c) => c.body)).sort();
    expect(bodies).toEqual(['Owner comment stays', placeholder].sort());

    const [{ state }]: Array<{ state: Buffer }> = await t.db.query(
      'SELECT state FROM doc_snapshots WHERE doc_id = $1',
      [mapId],
    );
    const shared = new Y.Doc();
    Y.applyUpdate(shared, new Uint8Array(state));
    const view = readMap({ shared, layers: new Map() });
    const byId = new Map(view.nodes.map((n) => [n.id, n]));
    expect(byId.get('owner-node')).toMatchObject({ name: 'Owner vessel' });
    expect(byId.get('leaving-node')).toMatchObject({ name: placeholder, authorId: null });
    expect(bytesContain(state, 'Informant name')).toBe(false);
  });

  it('writes the choice and the counts to the audit log', async () => {
    const rows: Array<{ action: string; details: Record<string, unknown> }> = await t.db.query(
      `SELECT action, details FROM audit_log
        WHERE coalition_id = $1 AND organization_id = $2 ORDER BY id`,
      [coalitionId, leavingAdmin.me.organization.id],
    );
    const left = rows.find((r) => r.action === 'coalition.org-left');
    expect(left?.details).toEqual({ contributions: 'replace-with-placeholders' });
    const replaced = rows.find((r) => r.action === 'coalition.contributions-replaced');
    expect(replaced?.details).toMatchObject({
      documents: 2,
      placeholders: 3,
      blocks: 2,
      mapNodes: 1,
      mapEdges: 0,
      comments: 1,
      ambiguousClients: 0,
    });
    const queue: Array<{ completed_at: Date | null; error: string | null }> = await t.db.query(
      'SELECT completed_at, error FROM contribution_removals WHERE organization_id = $1',
      [leavingAdmin.me.organization.id],
    );
    expect(queue).toEqual([{ completed_at: expect.any(Date), error: null }]);
  });

  it('runs an interrupted replacement again from the periodic job, changing nothing twice', async () => {
    const [{ id }]: Array<{ id: string }> = await t.db.query(
      `INSERT INTO contribution_removals (organization_id, coalition_id, placeholder, requested_by_user_id)
       VALUES ($1, $2, $3, $4) RETURNING id`,
      [leavingAdmin.me.organization.id, coalitionId, placeholder, leavingAdmin.me.id],
    );
    const before = await owner.client.get<string>(`/documents/${planId}/export.md`);
    expect((await t.app.get(OrgDataJob).run()).replacementsResumed).toBe(1);
    const [row]: Array<{ completed_at: Date | null; result: Record<string, number> }> =
      await t.db.query('SELECT completed_at, result FROM contribution_removals WHERE id = $1', [
        id,
      ]);
    expect(row.completed_at).not.toBeNull();
    expect(row.result).toMatchObject({ placeholders: 0, blocks: 0, mapNodes: 0, comments: 0 });
    expect((await owner.client.get<string>(`/documents/${planId}/export.md`)).body).toBe(
      before.body,
    );
  });

  it('keeps the contributions of an organization that leaves without asking for placeholders', async () => {
    expectStatus(await stayingOrg.client.post(`/coalitions/${coalitionId}/leave`), 204);
    const markdown = await owner.client.get<string>(`/documents/${planId}/export.md`);
    expect(markdown.body).toContain('Staying org contribution.');
    const rows: Array<{ details: Record<string, unknown> }> = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'coalition.org-left' AND organization_id = $1`,
      [stayingOrg.me.organization.id],
    );
    expect(rows).toEqual([{ details: { contributions: 'keep' } }]);
  });
});
