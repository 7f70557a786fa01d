import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ActivityDto, ClaimDto, NotificationListDto, TaskDto } from '@coalesce/protocol';
import { expectError, expectStatus } from './support/expect.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { createTask } from './support/tasks.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';
import { CoordinationRemindersJob } from '../src/modules/tasks/coordination-reminders.job.js';

const DAY = 86_400_000;

let t: TestApp;
let coordinator: Actor;
let polaris: Actor;
let polarisColleague: Actor;
let heal: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;

const claims = () => `/coalitions/${coalitionId}/claims`;
const claimOffice = (actor: Actor, office: string, extra: Record<string, unknown> = {}) =>
  actor.client.post<ClaimDto>(claims(), { targetKind: 'office', targetKey: office, ...extra });

beforeAll(async () => {
  t = await startTestApp({}, {});
  coordinator = await signUpOrg(t, 'coord');
  polaris = await signUpOrg(t, 'polaris');
  polarisColleague = await addColleague(t, polaris);
  heal = await signUpOrg(t, 'heal');
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(coordinator)).id;
  await joinCoalition(coordinator, polaris, coalitionId, 'member');
  await joinCoalition(coordinator, heal, coalitionId, 'member');
  await joinCoalition(coordinator, observer, coalitionId, 'observer');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('claims', () => {
  it('claims an office for 14 days by default, and refuses a second claimant with who holds it', async () => {
    const claim = expectStatus(
      await claimOffice(polaris, 'Office of Sen. Rivera', {
        note: 'We meet their staff on Tuesday',
      }),
      201,
    );
    const days = (Date.parse(claim.expiresAt) - Date.parse(claim.createdAt)) / DAY;
    expect(Math.round(days)).toBe(14);
    expect(claim).toMatchObject({
      targetKind: 'office',
      targetKey: 'office of sen. rivera',
      targetLabel: 'Office of Sen. Rivera',
      organization: { id: polaris.me.organization.id },
      user: { id: polaris.me.id },
    });
    // The same target spelled differently is the same target.
    const refused = expectError(
      await claimOffice(heal, '  office of  SEN. Rivera'),
      409,
      'CONFLICT',
    );
    expect(refused.error.message).toContain(polaris.me.organization.name);
    expect(refused.error.details?.claim).toMatchObject({
      id: claim.id,
      organization: { id: polaris.me.organization.id },
    });
    const everyone = expectStatus(await observer.client.get<ClaimDto[]>(claims()), 200);
    expect(everyone.map((c) => c.id)).toContain(claim.id);
  });

  it('claims a task (it shows on the task), and only the holder or a coordinator may release it', async () => {
    const task = await createTask(coordinator, coalitionId, { title: 'Draft testimony' });
    const claim = expectStatus(
      await heal.client.post<ClaimDto>(claims(), {
        targetKind: 'task',
        targetKey: task.id,
        days: 3,
      }),
      201,
    );
    expect(claim).toMatchObject({ taskId: task.id, targetLabel: 'Draft testimony' });
    const shown = expectStatus(
      await polaris.client.get<TaskDto>(`/coalitions/${coalitionId}/tasks/${task.id}`),
      200,
    );
    expect(shown.claim).toMatchObject({
      id: claim.id,
      organization: { id: heal.me.organization.id },
    });
    expectError(await polaris.client.post(`${claims()}/${claim.id}/release`), 403, 'FORBIDDEN');
    expectError(await observer.client.post(`${claims()}/${claim.id}/release`), 403, 'FORBIDDEN');
    expectStatus(await heal.client.post(`${claims()}/${claim.id}/release`), 204);
    expectError(await heal.client.post(`${claims()}/${claim.id}/release`), 409, 'CONFLICT');
    // Free again: Polaris may now claim it.
    expectStatus(
      await polaris.client.post(claims(), { targetKind: 'task', targetKey: task.id }),
      201,
    );
    expectError(
      await polaris.client.post(claims(), {
        targetKind: 'task',
        targetKey: '7d1f0a52-3c4e-4b8a-9f6d-2e5c8b1a0f93',
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('hands a claim off to another member organization (not to an observer), recorded in the feed', async () => {
    const claim = expectStatus(await claimOffice(polaris, 'Office of Rep. Chen'), 201);
    expectError(
      await polaris.client.post(`${claims()}/${claim.id}/hand-off`, {
        organizationId: observer.me.organization.id,
      }),
      400,
      'VALIDATION_FAILED',
    );
    const handed = expectStatus(
      await polaris.client.post<ClaimDto>(`${claims()}/${claim.id}/hand-off`, {
        organizationId: heal.me.organization.id,
        note: 'HEAL has the district contact',
      }),
      201,
    );
    expect(handed).toMatchObject({
      targetKey: 'office of rep. chen',
      organization: { id: heal.me.organization.id },
      note: 'HEAL has the district contact',
    });
    const live = expectStatus(await coordinator.client.get<ClaimDto[]>(claims()), 200);
    expect(live.filter((c) => c.targetKey === 'office of rep. chen').map((c) => c.id)).toEqual([
      handed.id,
    ]);
    const refused = expectError(await claimOffice(polaris, 'Office of Rep. Chen'), 409, 'CONFLICT');
    expect(refused.error.details?.claim).toMatchObject({
      organization: { id: heal.me.organization.id },
    });
    const feed = expectStatus(
      await coordinator.client.get<ActivityDto[]>(`/coalitions/${coalitionId}/activity?kind=claim`),
      200,
    );
    expect(feed[0]).toMatchObject({
      action: 'claim.handed-off',
      changes: { to: heal.me.organization.name },
    });
  });

  it('refuses observers and outsiders', async () => {
    expectError(await claimOffice(observer, 'Office of Sen. Observer'), 403, 'FORBIDDEN');
    expectError(await claimOffice(outsider, 'Office of Sen. Outsider'), 404, 'NOT_FOUND');
    expectError(await outsider.client.get(claims()), 404, 'NOT_FOUND');
  });

  it('the expiry job warns the claimant a day before (once) and releases the claim when it runs out', async () => {
    const job = t.app.get(CoordinationRemindersJob);
    const claim = expectStatus(
      await claimOffice(polarisColleague, 'Office of Gov. Ortiz', { days: 2 }),
      201,
    );
    const expiresAt = Date.parse(claim.expiresAt);
    const inbox = async () =>
      expectStatus(
        await polarisColleague.client.get<NotificationListDto>('/notifications'),
        200,
      ).items.filter((n) => n.kind === 'claim-expiring');

    await job.run(new Date(expiresAt - 30 * 3_600_000));
    expect(await inbox()).toEqual([]);
    await job.run(new Date(expiresAt - 20 * 3_600_000));
    expect(await inbox()).toHaveLength(1);
    expect((await inbox())[0].excerpt).toContain('Office of Gov. Ortiz');
    await job.run(new Date(expiresAt - 10 * 3_600_000));
    expect(await inbox()).toHaveLength(1);
    // Only the claimant is told, not a colleague nor another org.
    const polarisAdmin = expectStatus(
      await polaris.client.get<NotificationListDto>('/notifications'),
      200,
    );
    expect(polarisAdmin.items.filter((n) => n.kind === 'claim-expiring')).toEqual([]);

    const run = await job.run(new Date(expiresAt + 1000));
    expect(run.released).toBeGreaterThanOrEqual(1);
    const live = expectStatus(await heal.client.get<ClaimDto[]>(claims()), 200);
    expect(live.map((c) => c.id)).not.toContain(claim.id);
    expectStatus(await claimOffice(heal, 'Office of Gov. Ortiz'), 201);
    const feed = expectStatus(
      await coordinator.client.get<ActivityDto[]>(`/coalitions/${coalitionId}/activity?kind=claim`),
      200,
    );
    expect(feed.find((a) => a.claimId === claim.id && a.action === 'claim.expired')).toMatchObject({
      actor: null,
    });
  });

  it('treats a claim past its expiry as free even before the job has run', async () => {
    const claim = expectStatus(await claimOffice(polaris, 'Office of AG Park', { days: 1 }), 201);
    await t.db.query(`UPDATE claims SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      claim.id,
    ]);
    expectStatus(await claimOffice(heal, 'Office of AG Park'), 201);
  });

  it('reminds the assignee of a task due tomorrow, once', async () => {
    const job = t.app.get(CoordinationRemindersJob);
    const now = new Date();
    const tomorrow = new Date(now.getTime() + DAY).toISOString().slice(0, 10);
    const task = await createTask(coordinator, coalitionId, {
      title: 'File the comment letter',
      assigneeOrgId: heal.me.organization.id,
      dueDate: tomorrow,
    });
    await job.run(now);
    await job.run(now);
    const dueSoon = expectStatus(
      await heal.client.get<NotificationListDto>('/notifications'),
      200,
    ).items.filter((n) => n.kind === 'due-soon' && n.taskId === task.id);
    expect(dueSoon).toHaveLength(1);
  });
});
