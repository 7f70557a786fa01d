import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DashboardDto, MeDto, TaskDto } from '@coalesce/protocol';
import type { ApiClient } from './support/api-client.js';
import { expectStatus } from './support/expect.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;

async function signIn(email: string): Promise<{ client: ApiClient; me: MeDto }> {
  const client = t.client();
  expect((await client.login(email, 'Demo-Coalition-2026')).status).toBe(200);
  return { client, me: await client.me() };
}

beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('demo seed: tasks and claims', () => {
  it('gives the coordinator a live dashboard: overdue, blocked, a duplicate pair, claims', async () => {
    const maya = await signIn('maya@polaris.demo');
    const coalitionId = maya.me.coalitions[0].id;
    const tasks = expectStatus(
      await maya.client.get<TaskDto[]>(`/coalitions/${coalitionId}/tasks`),
      200,
    );
    expect(new Set(tasks.map((x) => x.assigneeOrg?.name)).size).toBeGreaterThanOrEqual(4);
    const dash = expectStatus(
      await maya.client.get<DashboardDto>(`/coalitions/${coalitionId}/dashboard`),
      200,
    );
    expect(dash.scope).toBe('coalition');
    expect(dash.counts.overdue).toBeGreaterThanOrEqual(3);
    expect(dash.blocked.map((x) => x.title)).toContain(
      'Collect survivor testimony consent forms for the reauthorization hearing',
    );
    expect(dash.overlaps[0].a.task.title).toMatch(/Brief Senate Finance staff/);
    expect(dash.claims).toHaveLength(3);
    expect(dash.whoDoesWhat.length).toBeGreaterThanOrEqual(4);
  });

  it("shows a member only their own organization's part", async () => {
    // HEAL Trafficking is a member organization (Polaris and Solidarity Center coordinate).
    const priya = await signIn('priya@heal.demo');
    const coalitionId = priya.me.coalitions[0].id;
    const dash = expectStatus(
      await priya.client.get<DashboardDto>(`/coalitions/${coalitionId}/dashboard`),
      200,
    );
    expect(dash.scope).toBe('organization');
    const orgs = new Set(dash.whoDoesWhat.map((c) => c.organization.id));
    expect([...orgs]).toEqual([priya.me.organization.id]);
    expect(dash.blocked).toHaveLength(1);
    expect(dash.overlaps).toEqual([]);
    // Every live claim is visible to everyone; the count is the organization's own.
    expect(dash.claims).toHaveLength(3);
    expect(dash.counts.claims).toBe(0);
  });
});
