import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { CollabEvents } from '@coalesce/protocol';
import type {
  ActivityDto,
  DashboardDto,
  EntityChanged,
  NotificationListDto,
  SimilarTaskDto,
  TaskDetailDto,
  TaskDto,
} from '@coalesce/protocol';
import { next, rawSocket } from './collab/collab-fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { createTask } from './support/tasks.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { DuplicateFinder } from '../src/modules/tasks/duplicate-finder.js';

let t: TestApp;
let coordinator: Actor;
let memberB: Actor;
let memberBColleague: Actor;
let memberC: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
const sockets: Socket[] = [];

const base = () => `/coalitions/${coalitionId}/tasks`;
const notifications = (a: Actor) => a.client.get<NotificationListDto>('/notifications');

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signUpOrg(t, 'coord');
  memberB = await signUpOrg(t, 'b');
  memberBColleague = await addColleague(t, memberB);
  memberC = await signUpOrg(t, 'c');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(coordinator)).id;
  await joinCoalition(coordinator, memberB, coalitionId, 'member');
  await joinCoalition(coordinator, memberC, coalitionId, 'member');
  await joinCoalition(coordinator, observer, coalitionId, 'observer');
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await t?.close();
});

describe('tasks', () => {
  it('creates a task with every field, links and a sub-task, and lists it with filters', async () => {
    const task = await createTask(coordinator, coalitionId, {
      title: 'Brief Judiciary staff on S. 3946',
      description: 'Two pages, survivor-informed.',
      status: 'todo',
      priority: 'high',
      labels: ['senate', 'brief'],
      assigneeOrgId: memberB.me.organization.id,
      assigneeUserId: memberBColleague.me.id,
      dueDate: '2020-01-01',
      links: [
        { kind: 'bill', ref: 'bill-s3946', title: 'S. 3946' },
        { kind: 'url', ref: 'https://www.congress.gov/bill/117th-congress/senate-bill/3946' },
      ],
    });
    expect(task).toMatchObject({
      status: 'todo',
      priority: 'high',
      labels: ['senate', 'brief'],
      assigneeOrg: { id: memberB.me.organization.id },
      assigneeUser: { id: memberBColleague.me.id },
      overdue: true,
      version: 1,
      createdByOrg: { id: coordinator.me.organization.id },
    });
    expect(task.links.map((l) => l.kind)).toEqual(['bill', 'url']);
    const sub = await createTask(memberB, coalitionId, {
      title: 'Collect survivor quotes',
      parentId: task.id,
    });
    expect(sub.parentId).toBe(task.id);

    const byBill = expectStatus(
      await memberC.client.get<TaskDto[]>(`${base()}?billId=bill-s3946`),
      200,
    );
    expect(byBill.map((x) => x.id)).toEqual([task.id]);
    const byLabel = expectStatus(
      await observer.client.get<TaskDto[]>(`${base()}?label=senate`),
      200,
    );
    expect(byLabel.map((x) => x.id)).toEqual([task.id]);
    const overdue = expectStatus(await memberB.client.get<TaskDto[]>(`${base()}?due=overdue`), 200);
    expect(overdue.map((x) => x.id)).toContain(task.id);
    const mine = expectStatus(
      await memberB.client.get<TaskDto[]>(`${base()}?assigneeUserId=${memberBColleague.me.id}`),
      200,
    );
    expect(mine.map((x) => x.id)).toEqual([task.id]);

    const detail = expectStatus(
      await memberC.client.get<TaskDetailDto>(`${base()}/${task.id}`),
      200,
    );
    expect(detail.subtasks.map((s) => s.id)).toEqual([sub.id]);
    expect(detail.allowedStatuses).toEqual([
      'backlog',
      'in_progress',
      'blocked',
      'done',
      'cancelled',
    ]);
    expect(detail.activity.map((a) => a.action)).toEqual(['task.created']);
  });

  it('refuses an assignee organization outside the coalition or observing it (400 on the field), and a person of another org', async () => {
    const res = expectError(
      await coordinator.client.post(base(), {
        title: 'Give this to an outsider',
        assigneeOrgId: outsider.me.organization.id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.error.fields).toEqual([{ path: 'assigneeOrgId', message: expect.any(String) }]);
    const observerOrg = expectError(
      await coordinator.client.post(base(), {
        title: 'Give this to an observer',
        assigneeOrgId: observer.me.organization.id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(observerOrg.error.fields?.[0].path).toBe('assigneeOrgId');
    const wrongPerson = expectError(
      await coordinator.client.post(base(), {
        title: 'Mismatched person',
        assigneeOrgId: memberC.me.organization.id,
        assigneeUserId: memberB.me.id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(wrongPerson.error.fields?.[0].path).toBe('assigneeUserId');
  });

  it('moves through the status machine and refuses an invalid move with 409 and the allowed statuses', async () => {
    const task = await createTask(coordinator, coalitionId, { status: 'backlog' });
    const refused = expectError(
      await memberB.client.patch(`${base()}/${task.id}`, { version: 1, status: 'done' }),
      409,
      'CONFLICT',
    );
    expect(refused.error.details).toMatchObject({
      from: 'backlog',
      to: 'done',
      allowed: ['todo', 'in_progress', 'cancelled'],
    });
    const moved = expectStatus(
      await memberB.client.patch<TaskDto>(`${base()}/${task.id}`, {
        version: 1,
        status: 'in_progress',
      }),
      200,
    );
    expect(moved).toMatchObject({ status: 'in_progress', version: 2 });
    const done = expectStatus(
      await memberB.client.patch<TaskDto>(`${base()}/${task.id}`, { version: 2, status: 'done' }),
      200,
    );
    expect(done.status).toBe('done');
    const detail = expectStatus(
      await memberB.client.get<TaskDetailDto>(`${base()}/${task.id}`),
      200,
    );
    expect(detail.activity[0]).toMatchObject({
      action: 'task.status-changed',
      actor: { id: memberB.me.id },
      changes: { status: ['in_progress', 'done'] },
    });
  });

  it('answers a stale writer 409 with the fresh task; the first write wins', async () => {
    const task = await createTask(coordinator, coalitionId, { title: 'Draft the sign-on letter' });
    expectStatus(
      await memberB.client.patch(`${base()}/${task.id}`, {
        version: 1,
        title: 'Draft the sign-on letter (v2)',
      }),
      200,
    );
    const stale = expectError(
      await memberC.client.patch(`${base()}/${task.id}`, { version: 1, priority: 'urgent' }),
      409,
      'CONFLICT',
    );
    expect(stale.error.details?.task).toMatchObject({
      id: task.id,
      version: 2,
      title: 'Draft the sign-on letter (v2)',
      priority: 'none',
    });
    // Retrying with the fresh version succeeds.
    expectStatus(
      await memberC.client.patch(`${base()}/${task.id}`, { version: 2, priority: 'urgent' }),
      200,
    );
  });

  it('refuses observers (403) and outsiders (404) and changes nothing', async () => {
    const task = await createTask(coordinator, coalitionId);
    expectError(await observer.client.post(base(), { title: 'Observer task' }), 403, 'FORBIDDEN');
    expectError(
      await observer.client.patch(`${base()}/${task.id}`, { version: 1, title: 'Observer edit' }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await observer.client.post(`${base()}/${task.id}/comments`, { body: 'hi' }),
      403,
      'FORBIDDEN',
    );
    expectError(await outsider.client.get(`${base()}/${task.id}`), 404, 'NOT_FOUND');
    expectError(await outsider.client.get(base()), 404, 'NOT_FOUND');
    expectError(
      await outsider.client.patch(`${base()}/${task.id}`, { version: 1, title: 'x' }),
      404,
      'NOT_FOUND',
    );
    expectStatus(await observer.client.get(`${base()}/${task.id}`), 200);
    const fresh = expectStatus(await coordinator.client.get<TaskDto>(`${base()}/${task.id}`), 200);
    expect(fresh.version).toBe(1);
  });

  it('relates tasks both ways (blocks / blocked by)', async () => {
    const a = await createTask(coordinator, coalitionId, { title: 'Book the hearing room' });
    const b = await createTask(coordinator, coalitionId, { title: 'Send hearing invitations' });
    expectStatus(
      await memberB.client.post(`${base()}/${b.id}/relations`, {
        kind: 'blocked_by',
        taskId: a.id,
      }),
      201,
    );
    const detailA = expectStatus(await memberB.client.get<TaskDetailDto>(`${base()}/${a.id}`), 200);
    expect(detailA.relations).toEqual([
      {
        id: expect.any(String),
        kind: 'blocks',
        task: { id: b.id, title: b.title, status: 'todo' },
      },
    ]);
    const detailB = expectStatus(await memberB.client.get<TaskDetailDto>(`${base()}/${b.id}`), 200);
    expect(detailB.relations[0].kind).toBe('blocked_by');
  });
});

describe('duplicate detection and merge', () => {
  let original: TaskDto;
  beforeAll(async () => {
    original = await createTask(memberB, coalitionId, {
      title: 'Schedule meeting with Senator Rivera office about S. 3946',
      assigneeOrgId: memberB.me.organization.id,
      links: [{ kind: 'bill', ref: 'bill-s3946' }],
    });
  });

  it.each([
    ['trigram', false],
    ['word-overlap', true],
  ] as const)('finds a similar open task across organizations (%s)', async (method, fallback) => {
    const finder = t.app.get(DuplicateFinder);
    finder.forceFallback = fallback;
    try {
      const found = expectStatus(
        await memberC.client.get<SimilarTaskDto[]>(
          `${base()}/similar?title=${encodeURIComponent('Meeting with Senator Rivera office on S. 3946')}`,
        ),
        200,
      );
      expect(found[0]).toMatchObject({ task: { id: original.id }, method });
      expect(found[0].score).toBeGreaterThan(0.3);
      const none = expectStatus(
        await memberC.client.get<SimilarTaskDto[]>(
          `${base()}/similar?title=${encodeURIComponent('Translate the survivor toolkit')}`,
        ),
        200,
      );
      expect(none.map((s) => s.task.id)).not.toContain(original.id);
    } finally {
      finder.forceFallback = false;
    }
  });

  it('merges a duplicate: comments and links carried over, both organizations notified, the duplicate cancelled', async () => {
    const duplicate = await createTask(memberC, coalitionId, {
      title: 'Meeting with Senator Rivera office on S. 3946',
      assigneeOrgId: memberC.me.organization.id,
      links: [{ kind: 'document', ref: 'doc-talking-points', title: 'Talking points' }],
    });
    expectStatus(
      await memberC.client.post(`${base()}/${duplicate.id}/comments`, {
        body: 'We already have a contact there.',
      }),
      201,
    );
    const dash = expectStatus(
      await coordinator.client.get<DashboardDto>(`/coalitions/${coalitionId}/dashboard`),
      200,
    );
    expect(
      dash.overlaps.some(
        (o) =>
          [o.a.task.id, o.b.task.id].sort().join() === [original.id, duplicate.id].sort().join(),
      ),
    ).toBe(true);

    const merged = expectStatus(
      await coordinator.client.post<TaskDto>(`${base()}/${duplicate.id}/merge`, {
        intoTaskId: original.id,
      }),
      201,
    );
    expect(merged.id).toBe(original.id);
    expect(merged.links.map((l) => l.ref).sort()).toEqual(['bill-s3946', 'doc-talking-points']);
    const survivor = expectStatus(
      await memberB.client.get<TaskDetailDto>(`${base()}/${original.id}`),
      200,
    );
    expect(survivor.comments.map((c) => c.body)).toEqual(['We already have a contact there.']);
    expect(survivor.comments[0].authorOrg?.id).toBe(memberC.me.organization.id);
    expect(survivor.relations).toEqual([
      expect.objectContaining({
        kind: 'duplicated_by',
        task: expect.objectContaining({ id: duplicate.id }),
      }),
    ]);
    const gone = expectStatus(await memberB.client.get<TaskDto>(`${base()}/${duplicate.id}`), 200);
    expect(gone).toMatchObject({ status: 'cancelled', duplicateOfId: original.id });
    for (const actor of [memberB, memberBColleague, memberC]) {
      const list = expectStatus(await notifications(actor), 200);
      expect(list.items.find((n) => n.kind === 'task-merged')).toMatchObject({
        taskId: original.id,
      });
    }
    const after = expectStatus(
      await coordinator.client.get<DashboardDto>(`/coalitions/${coalitionId}/dashboard`),
      200,
    );
    expect(after.overlaps.some((o) => [o.a.task.id, o.b.task.id].includes(duplicate.id))).toBe(
      false,
    );
    expectError(
      await coordinator.client.post(`${base()}/${duplicate.id}/merge`, { intoTaskId: original.id }),
      409,
      'CONFLICT',
    );
  });
});

describe('live changes and notifications', () => {
  it('pushes task changes to every member org and "assigned" notifications to the right people only', async () => {
    const bSocket = await rawSocket(t, memberBColleague.client.token);
    const cSocket = await rawSocket(t, memberC.client.token);
    const outsiderSocket = await rawSocket(t, outsider.client.token);
    sockets.push(bSocket, cSocket, outsiderSocket);
    const stray: EntityChanged[] = [];
    cSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => {
      if (e.type === 'notification') stray.push(e);
    });
    outsiderSocket.on(CollabEvents.EntityChanged, (e: EntityChanged) => stray.push(e));
    const seenByC = next<EntityChanged>(
      cSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'task',
    );
    const notifiedB = next<EntityChanged>(
      bSocket,
      CollabEvents.EntityChanged,
      (e) => e.type === 'notification',
    );
    const task = await createTask(coordinator, coalitionId, {
      title: 'Call the committee clerk',
      assigneeOrgId: memberB.me.organization.id,
    });
    expect(await seenByC).toEqual({ coalitionId, type: 'task', id: task.id, action: 'created' });
    await notifiedB;
    const list = expectStatus(await notifications(memberBColleague), 200);
    expect(list.items[0]).toMatchObject({
      kind: 'assigned',
      taskId: task.id,
      taskTitle: 'Call the committee clerk',
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(stray).toEqual([]);
  });

  it('notifies followers of a status change and people mentioned in a task comment, respecting preferences', async () => {
    const task = await createTask(memberB, coalitionId, { title: 'Collect district data' });
    // memberC switches status changes off, but keeps mentions.
    expectStatus(
      await memberC.client.request('PUT', '/notifications/preferences', {
        enabled: { 'status-change': false },
      }),
      200,
    );
    const prefs = expectStatus(
      await memberC.client.get<{ enabled: Record<string, boolean> }>('/notifications/preferences'),
      200,
    );
    expect(prefs.enabled).toMatchObject({
      'status-change': false,
      'task-mention': true,
      assigned: true,
    });
    expectError(
      await memberC.client.request('PUT', '/notifications/preferences', {
        enabled: { nonsense: true },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectStatus(
      await memberC.client.post(`${base()}/${task.id}/comments`, {
        body: 'Ping @coordinator',
        mentions: [{ kind: 'user', id: coordinator.me.id }],
      }),
      201,
    );
    const mention = expectStatus(await notifications(coordinator), 200).items[0];
    expect(mention).toMatchObject({
      kind: 'task-mention',
      taskId: task.id,
      actor: { id: memberC.me.id },
    });
    // memberC follows now (commented); memberB follows (creator).
    const before = expectStatus(await notifications(memberC), 200).items.length;
    expectStatus(
      await coordinator.client.patch(`${base()}/${task.id}`, { version: 1, status: 'in_progress' }),
      200,
    );
    const bList = expectStatus(await notifications(memberB), 200);
    expect(bList.items[0]).toMatchObject({ kind: 'status-change', taskId: task.id });
    expect(expectStatus(await notifications(memberC), 200).items.length).toBe(before);
  });

  it('keeps an activity feed per coalition and per working group', async () => {
    const group = expectStatus(
      await coordinator.client.post<{ id: string }>(`/coalitions/${coalitionId}/working-groups`, {
        name: 'Prosecution',
        organizationIds: [memberB.me.organization.id],
      }),
      201,
    );
    const task = await createTask(memberB, coalitionId, {
      title: 'Map prosecutors',
      workingGroupId: group.id,
    });
    const feed = expectStatus(
      await observer.client.get<ActivityDto[]>(`/coalitions/${coalitionId}/activity`),
      200,
    );
    expect(feed[0]).toMatchObject({ action: 'task.created', taskId: task.id });
    const groupFeed = expectStatus(
      await observer.client.get<ActivityDto[]>(
        `/coalitions/${coalitionId}/activity?workingGroupId=${group.id}`,
      ),
      200,
    );
    expect(groupFeed.map((a) => a.taskId)).toEqual([task.id]);
  });
});
