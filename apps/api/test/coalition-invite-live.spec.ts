import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type { EntityChanged } from '@coalesce/protocol';
import { next, rawSocket } from './collab/collab-fixtures.js';
import { createCoalition, inviteToCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { createTask } from './support/tasks.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

/**
 * Accepting a coalition invitation is live: the members' lists refresh (`entity:changed`
 * `coalition-member`), and the sockets the new organization already had open join the coalition's
 * room at once, so they hear of its changes without reconnecting.
 */

let t: TestApp;
let coordinator: Actor;
let joiner: Actor;
let outsider: Actor;
const sockets: Socket[] = [];

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signUpOrg(t, 'live-coord');
  joiner = await signUpOrg(t, 'live-joiner');
  outsider = await signUpOrg(t, 'live-outsider');
}, 120_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('accepting a coalition invitation, live', () => {
  it('tells the members and puts the new organization’s open sockets in the coalition room', async () => {
    const coalition = await createCoalition(coordinator);
    const coordinatorSocket = await rawSocket(t, coordinator.client.token);
    // Connected while the organization belongs to no coalition yet.
    const joinerSocket = await rawSocket(t, joiner.client.token);
    const outsiderSocket = await rawSocket(t, outsider.client.token);
    sockets.push(coordinatorSocket, joinerSocket, outsiderSocket);
    const stray: EntityChanged[] = [];
    outsiderSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => stray.push(e));

    const invite = await inviteToCoalition(coordinator, coalition.id, joiner.me.organization.id);
    const memberChanged = next<EntityChanged>(
      coordinatorSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'coalition-member',
    );
    const accepted = await joiner.client.post('/coalition-invites/accept', {
      token: invite.token,
    });
    expect(accepted.status).toBe(200);
    expect(await memberChanged).toEqual({
      coalitionId: coalition.id,
      type: 'coalition-member',
      id: joiner.me.organization.id,
      action: 'created',
    });

    // The joiner's socket, opened before it joined, hears of the coalition's next change.
    const taskSeen = next<EntityChanged>(
      joinerSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'task',
    );
    const task = await createTask(coordinator, coalition.id, { title: 'Welcome the new member' });
    expect(await taskSeen).toEqual({
      coalitionId: coalition.id,
      type: 'task',
      id: task.id,
      action: 'created',
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stray).toEqual([]);
  });
});
