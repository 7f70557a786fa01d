import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type {
  CommentThreadDto,
  DocumentDto,
  EntityChanged,
  NotificationListDto,
} from '@coalesce/protocol';
import { createDocument, next, rawSocket } from './collab/collab-fixtures.js';
import { anchorOf } from './support/comments.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
let owner: Actor;
let ana: Actor;
let anaColleague: Actor;
let ben: Actor;
let hidden: Actor;
let coalitionId: string;
let doc: DocumentDto;
const sockets: Socket[] = [];

const notifications = (actor: Actor, query = '') =>
  actor.client.get<NotificationListDto>(`/notifications${query}`);

async function startThread(actor: Actor, body: string, mentions: unknown[] = []) {
  return expectStatus(
    await actor.client.post<CommentThreadDto>(`/documents/${doc.id}/comments`, {
      anchor: anchorOf(),
      body,
      mentions,
    }),
    201,
  );
}

beforeAll(async () => {
  t = await startTestApp();
  owner = await signUpOrg(t, 'owner');
  ana = await signUpOrg(t, 'ana');
  anaColleague = await addColleague(t, ana);
  ben = await signUpOrg(t, 'ben');
  hidden = await signUpOrg(t, 'hidden');
  coalitionId = (await createCoalition(owner)).id;
  await joinCoalition(owner, ana, coalitionId, 'member');
  await joinCoalition(owner, ben, coalitionId, 'member');
  await joinCoalition(owner, hidden, coalitionId, 'member');
  // Shared with everyone except the "hidden" organization.
  doc = await createDocument(owner, coalitionId, { coalitionPermission: null });
  expectStatus(
    await owner.client.request('PUT', `/documents/${doc.id}/sharing`, {
      coalitionPermission: null,
      organizations: [
        { organizationId: ana.me.organization.id, permission: 'comment' },
        { organizationId: ben.me.organization.id, permission: 'edit' },
      ],
    }),
    200,
  );
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('notifications', () => {
  it('notifies every active person of a mentioned organization, except the author', async () => {
    const thread = await startThread(ana, 'Our org will take the Senate side', [
      { kind: 'organization', id: ana.me.organization.id },
    ]);
    const colleague = (await notifications(anaColleague)).body;
    expect(colleague.items.map((n) => [n.kind, n.threadId])).toEqual([['mention', thread.id]]);
    expect(colleague.unreadCount).toBe(1);
    expect((await notifications(ana)).body.items).toEqual([]);
  });

  it('notifies earlier participants of a reply, and never someone who cannot see the document', async () => {
    const thread = await startThread(owner, 'Who meets the Judiciary staff?', [
      { kind: 'user', id: hidden.me.id },
    ]);
    // The hidden organization is in the coalition (a valid mention) but cannot see the document.
    expect((await notifications(hidden)).body.items).toEqual([]);
    expectStatus(
      await ben.client.post(`/documents/${doc.id}/comments/${thread.id}/replies`, {
        body: 'We do',
      }),
      201,
    );
    const ownerList = (await notifications(owner)).body;
    expect(ownerList.items[0]).toMatchObject({
      kind: 'reply',
      threadId: thread.id,
      actor: { id: ben.me.id },
      excerpt: 'We do',
    });
    expectStatus(
      await ana.client.post(`/documents/${doc.id}/comments/${thread.id}/replies`, {
        body: 'We can join',
        mentions: [{ kind: 'user', id: owner.me.id }],
      }),
      201,
    );
    // Both earlier participants hear of the second reply; the owner as a mention.
    expect((await notifications(owner)).body.items[0]).toMatchObject({ kind: 'mention' });
    expect((await notifications(ben)).body.items[0]).toMatchObject({
      kind: 'reply',
      actor: { id: ana.me.id },
    });
    expect((await notifications(ana)).body.items).toEqual([]);
    expect((await notifications(hidden)).body.items).toEqual([]);
  });

  it('marks one or all read, counts unread, filters unread, and hides other users’ notifications', async () => {
    await startThread(owner, 'one', [{ kind: 'user', id: ben.me.id }]);
    await startThread(owner, 'two', [{ kind: 'user', id: ben.me.id }]);
    const before = (await notifications(ben)).body;
    expect(before.unreadCount).toBe(before.items.length);
    expect(before.unreadCount).toBeGreaterThanOrEqual(3);
    const first = before.items[0];

    // Someone else's notification is 404 and stays unread.
    expectError(await owner.client.post(`/notifications/${first.id}/read`), 404, 'NOT_FOUND');
    expect((await notifications(ben)).body.unreadCount).toBe(before.unreadCount);
    expect((await notifications(owner)).body.items.map((n) => n.id)).not.toContain(first.id);

    expect((await ben.client.post(`/notifications/${first.id}/read`)).status).toBe(204);
    const after = (await notifications(ben)).body;
    expect(after.unreadCount).toBe(before.unreadCount - 1);
    expect(after.items.find((n) => n.id === first.id)?.readAt).not.toBeNull();
    const unread = (await notifications(ben, '?unread=true&limit=1')).body;
    expect(unread.items).toHaveLength(1);
    expect(unread.items[0].id).not.toBe(first.id);
    expectError(await notifications(ben, '?limit=0'), 400, 'VALIDATION_FAILED');

    expect((await ben.client.post('/notifications/read-all')).status).toBe(204);
    const done = (await notifications(ben)).body;
    expect(done.unreadCount).toBe(0);
    expect(done.items.every((n) => n.readAt !== null)).toBe(true);
    expect((await notifications(ben, '?unread=true')).body.items).toEqual([]);
    expectError(
      await ben.client.post('/notifications/3b8e5f0c-6a2d-4c1e-9b7a-5d4f3e2a1c0b/read'),
      404,
      'NOT_FOUND',
    );
  });

  it('pushes a new notification live to the recipient’s sockets only', async () => {
    const recipient = await rawSocket(t, ben.client.token);
    const colleagueOfAuthor = await rawSocket(t, ana.client.token);
    const sameOrgAsRecipient = await addColleague(t, ben);
    const bystander = await rawSocket(t, sameOrgAsRecipient.client.token);
    sockets.push(recipient, colleagueOfAuthor, bystander);
    const strays: EntityChanged[] = [];
    for (const s of [colleagueOfAuthor, bystander])
      s.on(CollabEvents.EntityChanged, (e: EntityChanged) => {
        if (e.type === 'notification') strays.push(e);
      });
    const event = next<EntityChanged>(
      recipient,
      CollabEvents.EntityChanged,
      (e) => e.type === 'notification',
    );
    await startThread(ana, 'Ben, can you check the timeline?', [{ kind: 'user', id: ben.me.id }]);
    const received = await event;
    const latest = (await notifications(ben)).body.items[0];
    expect(received).toEqual({
      coalitionId,
      type: 'notification',
      id: latest.id,
      action: 'created',
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(strays).toEqual([]);
  });

  it('requires a signed-in user', async () => {
    expectError(await t.client().get('/notifications'), 401, 'UNAUTHENTICATED');
    expectError(await t.client().post('/notifications/read-all'), 401, 'UNAUTHENTICATED');
  });
});
