import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type {
  CommentThreadDto,
  DocumentDto,
  EntityChanged,
  MentionablesDto,
  NotificationListDto,
} from '@coalesce/protocol';
import { createDocument, next, rawSocket } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { openDocument } from './support/documents.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let owner: Actor;
let commenter: Actor;
let viewer: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
let doc: DocumentDto;
const sockets: Socket[] = [];

const threadBody = (body: string, mentions: unknown[] = []) => ({
  anchor: anchorOf(),
  quote: 'Anchor',
  body,
  mentions,
});

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  commenter = await signUpOrg(t, 'commenter');
  viewer = await signUpOrg(t, 'viewer');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, commenter, coalitionId, 'member');
  await joinCoalition(owner, viewer, coalitionId, 'member');
  await joinCoalition(owner, observer, coalitionId, 'observer');
  doc = await createDocument(owner, coalitionId, { coalitionPermission: null });
  expectStatus(
    await owner.client.request('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: null,
      organizations: [
        { organizationId: commenter.me.organization.id, permission: 'comment' },
        { organizationId: viewer.me.organization.id, permission: 'view' },
        { organizationId: observer.me.organization.id, permission: 'comment' },
      ],
    }),
    200,
  );
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('comments: who may read and write', () => {
  it('answers outsiders 404 on every comment route and changes nothing', async () => {
    const thread = expectStatus(
      await owner.client.post<CommentThreadDto>(`/documents/${doc.id}/comments`, threadBody('Hi')),
      201,
    );
    const before = await settledFingerprint(t);
    expectError(await outsider.client.get(`/documents/${doc.id}/comments`), 404, 'NOT_FOUND');
    expectError(
      await outsider.client.post(`/documents/${doc.id}/comments`, threadBody('x')),
      404,
      'NOT_FOUND',
    );
    expectError(
      await outsider.client.post(`/documents/${doc.id}/comments/${thread.id}/replies`, {
        body: 'x',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await outsider.client.request('PUT', `/documents/${doc.id}/comments/${thread.id}/status`, {
        status: 'resolved',
      }),
      404,
      'NOT_FOUND',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('lets viewers and observers read but not comment (403)', async () => {
    expectStatus(await viewer.client.get(`/documents/${doc.id}/comments`), 200);
    expectStatus(await observer.client.get(`/documents/${doc.id}/comments`), 200);
    const before = await settledFingerprint(t);
    expectError(
      await viewer.client.post(`/documents/${doc.id}/comments`, threadBody('x')),
      403,
      'FORBIDDEN',
    );
    // An observer organization is view-only even when the share says "comment".
    expectError(
      await observer.client.post(`/documents/${doc.id}/comments`, threadBody('x')),
      403,
      'FORBIDDEN',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('lets a commenter comment, while an edit from them over the socket is refused', async () => {
    const anchor = anchorOf(2, 9);
    const created = expectStatus(
      await commenter.client.post<CommentThreadDto>(`/documents/${doc.id}/comments`, {
        ...threadBody('Should we name the committee?'),
        anchor,
      }),
      201,
    );
    expect(created).toMatchObject({
      documentId: doc.id,
      status: 'open',
      quote: 'Anchor',
      resolvedBy: null,
      comments: [
        {
          body: 'Should we name the committee?',
          author: {
            id: commenter.me.id,
            name: commenter.me.name,
            organizationId: commenter.me.organization.id,
            organizationName: commenter.me.organization.name,
          },
          mentions: [],
        },
      ],
    });
    expect(created.anchor).toEqual(anchor);

    const { socket, open } = await openDocument(t, commenter);
    sockets.push(socket);
    const opened = await open(doc.id);
    expect(opened.role).toBe('comment');
    expect(await opened.appendParagraph('not allowed')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const stored = await t.db.query(
      'SELECT count(*)::int AS n FROM doc_updates WHERE doc_id = $1',
      [doc.id],
    );
    expect(stored).toEqual([{ n: 0 }]);
  });

  it('replies, resolves and reopens; a thread of another document is 404', async () => {
    const thread = expectStatus(
      await owner.client.post<CommentThreadDto>(`/documents/${doc.id}/comments`, threadBody('Q')),
      201,
    );
    const replied = expectStatus(
      await commenter.client.post<CommentThreadDto>(
        `/documents/${doc.id}/comments/${thread.id}/replies`,
        { body: 'A' },
      ),
      201,
    );
    expect(replied.comments.map((c) => c.body)).toEqual(['Q', 'A']);
    const resolved = expectStatus(
      await commenter.client.request<CommentThreadDto>(
        'PUT',
        `/documents/${doc.id}/comments/${thread.id}/status`,
        { status: 'resolved' },
      ),
      200,
    );
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolvedBy).toEqual({ id: commenter.me.id, name: commenter.me.name });
    expect(resolved.resolvedAt).not.toBeNull();
    const reopened = expectStatus(
      await owner.client.request<CommentThreadDto>(
        'PUT',
        `/documents/${doc.id}/comments/${thread.id}/status`,
        { status: 'open' },
      ),
      200,
    );
    expect(reopened).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expectError(
      await viewer.client.request('PUT', `/documents/${doc.id}/comments/${thread.id}/status`, {
        status: 'resolved',
      }),
      403,
      'FORBIDDEN',
    );

    const other = await createDocument(owner, coalitionId);
    expectError(
      await owner.client.post(`/documents/${other.id}/comments/${thread.id}/replies`, {
        body: 'x',
      }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await owner.client.request('PUT', `/documents/${other.id}/comments/${thread.id}/status`, {
        status: 'resolved',
      }),
      404,
      'NOT_FOUND',
    );
    const all = expectStatus(
      await viewer.client.get<CommentThreadDto[]>(`/documents/${doc.id}/comments`),
      200,
    );
    expect(all.find((x) => x.id === thread.id)?.comments).toHaveLength(2);
  });

  it('validates bodies and anchors with field details', async () => {
    const res = expectError(
      await owner.client.post(`/documents/${doc.id}/comments`, {
        anchor: { start: 'not base64!', end: anchorOf().end },
        body: '   ',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.error.fields!.map((f) => f.path).sort()).toEqual(['anchor.start', 'body']);
  });

  it('refuses to comment on an archived document', async () => {
    const archivedDoc = await createDocument(owner, coalitionId);
    expectStatus(await owner.client.post(`/documents/${archivedDoc.id}/archive`), 200);
    expectError(
      await owner.client.post(`/documents/${archivedDoc.id}/comments`, threadBody('x')),
      403,
      'FORBIDDEN',
    );
  });
});

describe('mentions', () => {
  it('refuses a mention of someone outside the coalition, with the field, storing nothing', async () => {
    const before = await settledFingerprint(t);
    const res = expectError(
      await owner.client.post(
        `/documents/${doc.id}/comments`,
        threadBody('Ask them', [
          { kind: 'user', id: commenter.me.id },
          { kind: 'user', id: outsider.me.id },
          { kind: 'organization', id: outsider.me.organization.id },
        ]),
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.error.fields!.map((f) => f.path)).toEqual(['mentions.1.id', 'mentions.2.id']);
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('notifies the mentioned person (not the author), with names on the comment', async () => {
    const thread = expectStatus(
      await owner.client.post<CommentThreadDto>(
        `/documents/${doc.id}/comments`,
        threadBody('Can you draft the ask?', [
          { kind: 'user', id: commenter.me.id },
          { kind: 'user', id: owner.me.id },
        ]),
      ),
      201,
    );
    expect(thread.comments[0].mentions).toEqual([
      { kind: 'user', id: commenter.me.id, name: commenter.me.name },
      { kind: 'user', id: owner.me.id, name: owner.me.name },
    ]);
    const mine = expectStatus(
      await commenter.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(mine.items.find((n) => n.threadId === thread.id)).toMatchObject({
      kind: 'mention',
      actor: { id: owner.me.id, name: owner.me.name, organizationName: owner.me.organization.name },
      coalitionId,
      documentId: doc.id,
      documentTitle: doc.title,
      excerpt: 'Can you draft the ask?',
      readAt: null,
    });
    const authors = expectStatus(
      await owner.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(authors.items.filter((n) => n.threadId === thread.id)).toEqual([]);
  });

  it('lists the mentionable people and organizations of the coalition (members only)', async () => {
    const colleague = await addColleague(t, viewer);
    const m = expectStatus(
      await observer.client.get<MentionablesDto>(`/coalitions/${coalitionId}/mentionables`),
      200,
    );
    expect(m.organizations.map((o) => o.id).sort()).toEqual(
      [owner, commenter, viewer, observer].map((a) => a.me.organization.id).sort(),
    );
    expect(m.people.map((p) => p.id)).toEqual(
      expect.arrayContaining([colleague.me.id, owner.me.id]),
    );
    expect(m.people.map((p) => p.id)).not.toContain(outsider.me.id);
    expect(m.people.find((p) => p.id === colleague.me.id)).toEqual({
      id: colleague.me.id,
      name: colleague.me.name,
      organizationId: viewer.me.organization.id,
      organizationName: viewer.me.organization.name,
    });
    expectError(
      await outsider.client.get(`/coalitions/${coalitionId}/mentionables`),
      404,
      'NOT_FOUND',
    );
  });
});

describe('live comment threads', () => {
  it('tells the organizations that can see the document, with the document as parent', async () => {
    const viewerSocket = await rawSocket(t, viewer.client.token);
    const outsiderSocket = await rawSocket(t, outsider.client.token);
    sockets.push(viewerSocket, outsiderSocket);
    const seenByOutsider: EntityChanged[] = [];
    outsiderSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => seenByOutsider.push(e));
    const event = next<EntityChanged>(
      viewerSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'comment-thread',
    );
    const thread = expectStatus(
      await commenter.client.post<CommentThreadDto>(
        `/documents/${doc.id}/comments`,
        threadBody('Live'),
      ),
      201,
    );
    expect(await event).toEqual({
      coalitionId,
      type: 'comment-thread',
      id: thread.id,
      parentId: doc.id,
      action: 'created',
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(seenByOutsider).toEqual([]);
  });
});
