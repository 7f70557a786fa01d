import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  BillSummaryDto,
  CoalitionDto,
  CoordinationAlertsDto,
  MeetingDto,
  NotificationListDto,
} from '@coalesce/protocol';
import { expectStatus } from './support/expect.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ SEED_DEMO: 'true' });
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('demo seed: bill tracker', () => {
  it('has the sample bills, positions with one conflict, and meetings with one overlap', async () => {
    const maya = t.client();
    expectStatus(await maya.login('maya@polaris.demo', 'Demo-Coalition-2026'), 200);
    const [coalition] = expectStatus(await maya.get<CoalitionDto[]>('/coalitions'), 200);
    const base = `/coalitions/${coalition.id}`;
    const bills = expectStatus(await maya.get<BillSummaryDto[]>(`${base}/bills`), 200);
    expect(Object.fromEntries(bills.map((b) => [b.identifier, b.stage]))).toEqual({
      'HR 2200': 'enacted',
      'S 3946': 'enacted',
      'S 3949': 'enacted',
      'HR 6552': 'dead',
    });
    const alerts = expectStatus(
      await maya.get<CoordinationAlertsDto>(`${base}/coordination-alerts`),
      200,
    );
    expect(alerts.conflicts.map((c) => c.bill.identifier)).toEqual(['HR 6552']);
    expect(alerts.overlaps).toHaveLength(1);
    const meetings = expectStatus(await maya.get<MeetingDto[]>(`${base}/meetings`), 200);
    expect(meetings.filter((m) => m.isPast)).toHaveLength(1);
    // Seeding notifies nobody.
    const grace = t.client();
    expectStatus(await grace.login('grace@solidarity.demo', 'Demo-Coalition-2026'), 200);
    const notes = expectStatus(await grace.get<NotificationListDto>('/notifications'), 200);
    expect(notes.items.filter((n) => n.billId || n.meetingId)).toEqual([]);
  });
});
