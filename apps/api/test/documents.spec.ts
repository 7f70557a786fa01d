import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type {
  DocRevokedMessage,
  DocumentDto,
  DocumentTemplateDto,
  EntityChanged,
  ErrorBody,
  WorkingGroupDto,
} from '@coalesce/protocol';
import { plainText, xmlFragmentToJson } from '@coalesce/rich-text';
import { DocumentContentIndexer } from '../src/modules/documents/document-content-indexer.js';
import { createDocument, next, rawSocket } from './collab/collab-fixtures.js';
import { openDocument } from './support/documents.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let coordinator: Actor;
let owner: Actor;
let ownerColleague: Actor;
let otherMember: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
let otherCoalitionGroupId: string;
const sockets: Socket[] = [];

const flushSearch = () => t.app.get(DocumentContentIndexer).flush();
const list = (actor: Actor, query = '') =>
  actor.client.get<DocumentDto[]>(`/coalitions/${coalitionId}/documents${query}`);

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signUpOrg(t, 'coordinator');
  owner = await signUpOrg(t, 'owner');
  ownerColleague = await addColleague(t, owner);
  otherMember = await signUpOrg(t, 'member');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(coordinator)).id;
  await joinCoalition(coordinator, owner, coalitionId, 'member');
  await joinCoalition(coordinator, otherMember, coalitionId, 'member');
  await joinCoalition(coordinator, observer, coalitionId, 'observer');
  const elsewhere = (await createCoalition(outsider)).id;
  otherCoalitionGroupId = expectStatus(
    await outsider.client.post<WorkingGroupDto>(`/coalitions/${elsewhere}/working-groups`, {
      name: 'Elsewhere',
    }),
    201,
  ).id;
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

async function open(actor: Actor, docId: string) {
  const { socket, open } = await openDocument(t, actor);
  sockets.push(socket);
  return open(docId);
}

describe('document templates', () => {
  it('lists the templates to any signed-in user', async () => {
    const templates = expectStatus(
      await outsider.client.get<DocumentTemplateDto[]>('/document-templates'),
      200,
    );
    expect(templates.map((x) => x.id)).toEqual([
      'lobbying-plan',
      'meeting-brief',
      'sign-on-letter',
      'blank',
    ]);
    expect(templates[0]).toEqual({
      id: 'lobbying-plan',
      name: 'Lobbying plan',
      kind: 'plan',
      description: expect.any(String),
    });
    expect((await t.client().get('/document-templates')).status).toBe(401);
  });

  it('fills a new document from a template (what an editor opening it receives)', async () => {
    const doc = await createDocument(owner, coalitionId, { templateId: 'lobbying-plan' });
    expect(doc.createdBy).toEqual({ id: owner.me.id, name: owner.me.name });
    expect(doc.archivedAt).toBeNull();
    const opened = await open(otherMember, doc.id);
    const json = xmlFragmentToJson(opened.fragment);
    expect(json.content![0]).toEqual({
      type: 'heading',
      attrs: { level: 1 },
      content: [{ type: 'text', text: 'Lobbying plan' }],
    });
    const text = plainText(json);
    for (const section of [
      'Goal',
      'The ask',
      'Targets and their offices',
      'Owners per organization',
    ])
      expect(text).toContain(section);
    expect(json.content!.some((n) => n.type === 'table')).toBe(true);
  });

  it('refuses an unknown template with a field error and creates nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM documents');
    const res = await owner.client.post(`/coalitions/${coalitionId}/documents`, {
      title: 'From nowhere',
      kind: 'plan',
      templateId: 'no-such-template',
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.error.fields).toEqual([{ path: 'templateId', message: expect.any(String) }]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM documents')).toEqual(before);
  });
});

describe('document list: search, filters, sort, state', () => {
  let cotton: DocumentDto;
  let brief: DocumentDto;
  let groupId: string;

  beforeAll(async () => {
    groupId = expectStatus(
      await coordinator.client.post<WorkingGroupDto>(`/coalitions/${coalitionId}/working-groups`, {
        name: 'Supply chains',
      }),
      201,
    ).id;
    cotton = await createDocument(owner, coalitionId, {
      title: 'Cotton campaign',
      kind: 'plan',
      workingGroupId: groupId,
    });
    brief = await createDocument(otherMember, coalitionId, {
      title: 'Aaa meeting with Senate Judiciary staff',
      kind: 'brief',
      templateId: 'meeting-brief',
    });
    const opened = await open(owner, cotton.id);
    expect(await opened.appendParagraph('Enforce the Uyghur Forced Labor Prevention Act')).toEqual({
      ok: true,
      seq: 1,
    });
  });

  it('finds documents by title and, after the search text refresh, by body text with a snippet', async () => {
    const byTitle = expectStatus(await list(otherMember, '?q=cotton'), 200);
    expect(byTitle.map((d) => d.id)).toEqual([cotton.id]);

    await flushSearch();
    const byBody = expectStatus(await list(otherMember, '?q=forced%20labor'), 200);
    expect(byBody.map((d) => d.id)).toEqual([cotton.id]);
    expect(byBody[0].snippet).toContain('Uyghur Forced Labor Prevention Act');
    // Template text is searchable from the start.
    expect((await list(owner, '?q=talking%20points')).body.map((d) => d.id)).toEqual([brief.id]);
    expect(expectStatus(await list(owner, '?q=nothing-like-this'), 200)).toEqual([]);
    // LIKE wildcards are taken literally.
    expect(expectStatus(await list(owner, '?q=%25'), 200)).toEqual([]);
  });

  it('backfills the search text of documents that have none (e.g. edited before search existed)', async () => {
    await t.db.query(`UPDATE documents SET search_text = '' WHERE id = $1`, [cotton.id]);
    expect((await list(owner, '?q=uyghur')).body).toEqual([]);
    const indexer = t.app.get(DocumentContentIndexer);
    indexer.onApplicationBootstrap();
    const started = Date.now();
    while ((await list(owner, '?q=uyghur')).body.length === 0 && Date.now() - started < 5000) {
      await new Promise((r) => setTimeout(r, 50));
      await flushSearch();
    }
    expect((await list(owner, '?q=uyghur')).body.map((d) => d.id)).toEqual([cotton.id]);
  });

  it('refreshes the search text by itself a few seconds after an edit (no flush)', async () => {
    const doc = await createDocument(owner, coalitionId, { title: 'Seafood' });
    const opened = await open(owner, doc.id);
    expect(await opened.appendParagraph('Tunago No. 61 withhold release order')).toMatchObject({
      ok: true,
    });
    const started = Date.now();
    let found: DocumentDto[] = [];
    while (Date.now() - started < 10_000) {
      found = (await list(owner, '?q=tunago')).body;
      if (found.length) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(found.map((d) => d.id)).toEqual([doc.id]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('filters by kind, working group, owner organization and updatedSince', async () => {
    expect((await list(owner, '?kind=brief')).body.map((d) => d.id)).toEqual([brief.id]);
    expect((await list(owner, `?workingGroupId=${groupId}`)).body.map((d) => d.id)).toEqual([
      cotton.id,
    ]);
    const byOwner = (await list(owner, `?ownerOrgId=${otherMember.me.organization.id}`)).body;
    expect(byOwner.map((d) => d.id)).toEqual([brief.id]);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await list(owner, `?updatedSince=${future}`)).body).toEqual([]);
    const bad = expectError(await list(owner, '?kind=poem&sort=size'), 400, 'VALIDATION_FAILED');
    expect(bad.error.fields!.map((f) => f.path).sort()).toEqual(['kind', 'sort']);
  });

  it('sorts by title, creation or last update, in either order', async () => {
    const byTitle = expectStatus(await list(owner, '?sort=title'), 200).map((d) => d.title);
    expect(byTitle).toEqual(
      [...byTitle].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    expect(byTitle[0]).toBe(brief.title);
    const created = expectStatus(await list(owner, '?sort=created&order=asc'), 200);
    const times = created.map((d) => d.createdAt);
    expect(times).toEqual([...times].sort());
    const desc = expectStatus(await list(owner, '?sort=created'), 200).map((d) => d.id);
    expect(desc).toEqual(created.map((d) => d.id).reverse());
  });

  it('lists archived documents only when asked', async () => {
    const doc = await createDocument(owner, coalitionId, { title: 'Old letter', kind: 'letter' });
    expectStatus(await owner.client.post(`/documents/${doc.id}/archive`), 200);
    expect((await list(owner)).body.map((d) => d.id)).not.toContain(doc.id);
    expect((await list(owner, '?state=archived')).body.map((d) => d.id)).toEqual([doc.id]);
    expect((await list(owner, '?state=all')).body.map((d) => d.id)).toContain(doc.id);
    expect((await list(owner, '?state=all')).body.map((d) => d.id)).toContain(cotton.id);
  });
});

describe('rename and move', () => {
  it('renames with edit permission and records who changed it', async () => {
    const doc = await createDocument(owner, coalitionId);
    const watcher = await rawSocket(t, coordinator.client.token);
    sockets.push(watcher);
    const announced = next<EntityChanged>(
      watcher,
      CollabEvents.EntityChanged,
      (e) => e.type === 'document' && e.id === doc.id,
    );
    const renamed = expectStatus(
      await otherMember.client.patch<DocumentDto>(`/documents/${doc.id}`, {
        title: '  TVPA reauthorization plan  ',
      }),
      200,
    );
    expect(renamed.title).toBe('TVPA reauthorization plan');
    expect(renamed.updatedBy).toEqual({ id: otherMember.me.id, name: otherMember.me.name });
    expect(await announced).toEqual({
      coalitionId,
      type: 'document',
      id: doc.id,
      action: 'updated',
    });
    const audit = await t.db.query(
      `SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id`,
      [doc.id],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'document.created',
      'document.renamed',
    ]);
  });

  it('refuses an empty or too long title, an unknown group, or nothing to change, with field details', async () => {
    const doc = await createDocument(owner, coalitionId);
    const empty = expectError(
      await owner.client.patch(`/documents/${doc.id}`, { title: '   ' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(empty.error.fields!.map((f) => f.path)).toEqual(['title']);
    const long = expectError(
      await owner.client.patch(`/documents/${doc.id}`, { title: 'x'.repeat(201) }),
      400,
      'VALIDATION_FAILED',
    );
    expect(long.error.fields!.map((f) => f.path)).toEqual(['title']);
    const group = expectError(
      await owner.client.patch(`/documents/${doc.id}`, { workingGroupId: otherCoalitionGroupId }),
      400,
      'VALIDATION_FAILED',
    );
    expect(group.error.fields!.map((f) => f.path)).toEqual(['workingGroupId']);
    expectError(await owner.client.patch(`/documents/${doc.id}`, {}), 400, 'VALIDATION_FAILED');
    expect((await owner.client.get<DocumentDto>(`/documents/${doc.id}`)).body.title).toBe(
      doc.title,
    );
  });

  it('refuses viewers and observers (403) and outsiders (404)', async () => {
    const doc = await createDocument(owner, coalitionId, { coalitionPermission: 'comment' });
    expectError(
      await otherMember.client.patch(`/documents/${doc.id}`, { title: 'Mine' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await observer.client.patch(`/documents/${doc.id}`, { title: 'Mine' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await outsider.client.patch(`/documents/${doc.id}`, { title: 'Mine' }),
      404,
      'NOT_FOUND',
    );
  });

  it('moves content edits into updatedBy/updatedAt at most once a minute', async () => {
    const doc = await createDocument(owner, coalitionId);
    const opened = await open(otherMember, doc.id);
    expect(await opened.appendParagraph('first edit')).toMatchObject({ ok: true });
    await flushSearch();
    // Within the minute after creation: not moved.
    expect((await owner.client.get<DocumentDto>(`/documents/${doc.id}`)).body.updatedBy?.id).toBe(
      owner.me.id,
    );
    await t.db.query(
      `UPDATE documents SET updated_at = now() - interval '2 minutes' WHERE id = $1`,
      [doc.id],
    );
    expect(await opened.appendParagraph('second edit')).toMatchObject({ ok: true });
    await flushSearch();
    const after = (await owner.client.get<DocumentDto>(`/documents/${doc.id}`)).body;
    expect(after.updatedBy).toEqual({ id: otherMember.me.id, name: otherMember.me.name });
    expect(Date.now() - Date.parse(after.updatedAt)).toBeLessThan(60_000);
  });
});

describe('archive, restore, delete', () => {
  it('lets only the owner organization or a coordinator archive, restore or delete', async () => {
    const doc = await createDocument(owner, coalitionId);
    for (const action of ['archive', 'restore'])
      expectError(
        await otherMember.client.post(`/documents/${doc.id}/${action}`),
        403,
        'FORBIDDEN',
      );
    expectError(await otherMember.client.delete(`/documents/${doc.id}`), 403, 'FORBIDDEN');
    expectError(await observer.client.delete(`/documents/${doc.id}`), 403, 'FORBIDDEN');
    expectError(await outsider.client.post(`/documents/${doc.id}/archive`), 404, 'NOT_FOUND');
    expectError(await outsider.client.delete(`/documents/${doc.id}`), 404, 'NOT_FOUND');

    const archived = expectStatus(
      await ownerColleague.client.post<DocumentDto>(`/documents/${doc.id}/archive`),
      200,
    );
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.permission).toBe('view');
    const restored = expectStatus(
      await coordinator.client.post<DocumentDto>(`/documents/${doc.id}/restore`),
      200,
    );
    expect(restored.archivedAt).toBeNull();
    expect((await owner.client.get<DocumentDto>(`/documents/${doc.id}`)).body.permission).toBe(
      'edit',
    );
  });

  it('makes an archived document read-only, on the socket too, and open editors are told', async () => {
    const doc = await createDocument(owner, coalitionId);
    const editor = await open(otherMember, doc.id);
    expect(editor.role).toBe('edit');
    const revoked = next<DocRevokedMessage>(editor.socket, CollabEvents.DocRevoked);
    expectStatus(await owner.client.post(`/documents/${doc.id}/archive`), 200);
    expect(await revoked).toEqual({ docId: doc.id, reason: 'access-changed' });

    const again = await open(otherMember, doc.id);
    expect(again.role).toBe('view');
    expect(await again.appendParagraph('sneaky')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const ownerView = await open(owner, doc.id);
    expect(ownerView.role).toBe('view');
    expect(await ownerView.appendParagraph('owner too')).toMatchObject({ ok: false });
    expectError(await owner.client.patch(`/documents/${doc.id}`, { title: 'x' }), 403, 'FORBIDDEN');
    const stored = await t.db.query(
      'SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1',
      [doc.id],
    );
    expect(stored).toEqual([{ n: 0 }]);
  });

  it('deletes softly: 404 everywhere afterwards, and open sockets get doc:revoked', async () => {
    const doc = await createDocument(owner, coalitionId);
    const editor = await open(otherMember, doc.id);
    const revoked = next<DocRevokedMessage>(editor.socket, CollabEvents.DocRevoked);
    expect((await coordinator.client.delete(`/documents/${doc.id}`)).status).toBe(204);
    expect(await revoked).toEqual({ docId: doc.id, reason: 'deleted' });
    expectError(await owner.client.get(`/documents/${doc.id}`), 404, 'NOT_FOUND');
    expectError(await owner.client.delete(`/documents/${doc.id}`), 404, 'NOT_FOUND');
    expectError(await owner.client.get(`/documents/${doc.id}/export.md`), 404, 'NOT_FOUND');
    expect((await list(owner, '?state=all')).body.map((d) => d.id)).not.toContain(doc.id);
    const { socket, open: reopen } = await openDocument(t, owner);
    sockets.push(socket);
    await expect(reopen(doc.id)).rejects.toThrow(/NOT_FOUND/);
    const rows = await t.db.query('SELECT deleted_at FROM documents WHERE id = $1', [doc.id]);
    expect(rows[0].deleted_at).not.toBeNull();
  });
});

describe('sharing', () => {
  it('refuses to share with an organization outside the coalition (400 with the field)', async () => {
    const doc = await createDocument(owner, coalitionId, { coalitionPermission: null });
    const res = await owner.client.request<ErrorBody>('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: null,
      organizations: [
        { organizationId: otherMember.me.organization.id, permission: 'view' },
        { organizationId: outsider.me.organization.id, permission: 'edit' },
      ],
    });
    const body = expectError(res, 400, 'VALIDATION_FAILED');
    expect(body.error.fields).toEqual([
      { path: 'organizations.1.organizationId', message: expect.any(String) },
    ]);
    expectError(await otherMember.client.get(`/documents/${doc.id}`), 404, 'NOT_FOUND');
  });

  it('shares with a member organization, view-only for observers whatever the grant', async () => {
    const doc = await createDocument(owner, coalitionId, { coalitionPermission: null });
    expectError(await observer.client.get(`/documents/${doc.id}`), 404, 'NOT_FOUND');
    const shared = expectStatus(
      await owner.client.request<DocumentDto>('PUT', `/documents/${doc.id}/sharing`, {
        coalitionPermission: null,
        organizations: [{ organizationId: observer.me.organization.id, permission: 'edit' }],
      }),
      200,
    );
    expect(shared.shares).toEqual([
      expect.objectContaining({ organizationId: observer.me.organization.id, permission: 'edit' }),
    ]);
    expect((await observer.client.get<DocumentDto>(`/documents/${doc.id}`)).body.permission).toBe(
      'view',
    );
    const audit = await t.db.query(
      `SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'document.sharing-changed'`,
      [doc.id],
    );
    expect(audit).toHaveLength(1);
  });
});

describe('live document events', () => {
  it('tells only the organizations that may see the document, and those that just lost it', async () => {
    const ownerSide = await rawSocket(t, ownerColleague.client.token);
    const otherSide = await rawSocket(t, otherMember.client.token);
    sockets.push(ownerSide, otherSide);
    const seenByOther: EntityChanged[] = [];
    otherSide.on(CollabEvents.EntityChanged, (e: EntityChanged) => seenByOther.push(e));

    const created = next<EntityChanged>(
      ownerSide,
      CollabEvents.EntityChanged,
      (e) => e.type === 'document',
    );
    const secret = await createDocument(owner, coalitionId, { isPrivate: true, title: 'Internal' });
    expect(await created).toMatchObject({ id: secret.id, action: 'created' });

    const shared = await createDocument(owner, coalitionId);
    const narrowed = next<EntityChanged>(
      otherSide,
      CollabEvents.EntityChanged,
      (e) => e.id === shared.id && e.action === 'updated',
    );
    expectStatus(
      await owner.client.request('PUT', `/documents/${shared.id}/sharing`, {
        coalitionPermission: null,
        organizations: [],
      }),
      200,
    );
    await narrowed;
    await new Promise((r) => setTimeout(r, 100));
    expect(seenByOther.filter((e) => e.id === secret.id)).toEqual([]);
  });
});

describe('Markdown export', () => {
  it('downloads the current content with a safe file name', async () => {
    const doc = await createDocument(owner, coalitionId, {
      title: 'TVPA / "2026" plan: Senate*',
      templateId: 'lobbying-plan',
    });
    const opened = await open(owner, doc.id);
    await opened.appendParagraph('Secure cosponsors before the markup');
    const res = await observer.client.get<string>(`/documents/${doc.id}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="TVPA-2026-plan-Senate.md"',
    );
    expect(res.body).toContain('# Lobbying plan\n\n## Goal');
    expect(res.body).toContain(
      '| Target | Office / committee | Staff contact | Current position |',
    );
    expect(res.body).toContain('Secure cosponsors before the markup');
    expectError(await outsider.client.get(`/documents/${doc.id}/export.md`), 404, 'NOT_FOUND');
  });
});
