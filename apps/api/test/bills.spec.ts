import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  BillDto,
  BillImportPreviewDto,
  BillImportResultDto,
  BillSummaryDto,
  CoordinationAlertsDto,
  EntityChanged,
  MeetingDto,
  MeetingOverlapDto,
  NotificationListDto,
  PositionsMatrixDto,
} from '@coalesce/protocol';
import { BillAlertsService } from '../src/modules/bills/bill-alerts.service.js';
import { FEDERAL_TRAFFICKING_BILLS } from '../src/modules/bills/samples/federal-trafficking-bills.js';
import { next, rawSocket } from './collab/collab-fixtures.js';
import { expectError, expectStatus } from './support/expect.js';
import { settledFingerprint } from './support/settled-fingerprint.js';
import { addColleague, createCoalition, joinCoalition, signUpOrg } from './support/fixtures.js';
import type { Actor } from './support/fixtures.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

const sample = (name: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../docs/samples/bills/${name}`, import.meta.url)),
    'utf8',
  );

let t: TestApp;
let coordinator: Actor; // org A (coordinator)
let member: Actor; // org B
let memberColleague: Actor;
let observer: Actor;
let outsider: Actor;
let coalitionId: string;
const base = () => `/coalitions/${coalitionId}`;

const manualBill = {
  jurisdiction: 'Nebraska',
  session: '2026',
  identifier: 'lb 12',
  originChamber: 'legislature',
  title: 'A synthetic unicameral bill for tests',
};

beforeAll(async () => {
  t = await startTestApp();
  coordinator = await signUpOrg(t, 'coordinator');
  member = await signUpOrg(t, 'member');
  memberColleague = await addColleague(t, member);
  observer = await signUpOrg(t, 'observer');
  outsider = await signUpOrg(t, 'outsider');
  coalitionId = (await createCoalition(coordinator)).id;
  await joinCoalition(coordinator, member, coalitionId, 'member');
  await joinCoalition(coordinator, observer, coalitionId, 'observer');
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('bills: manual entry and append-only actions', () => {
  let bill: BillDto;

  it('creates a bill with a normalized identifier, and derives the stage from appended actions', async () => {
    bill = expectStatus(await member.client.post<BillDto>(`${base()}/bills`, manualBill), 201);
    expect(bill.identifier).toBe('LB 12');
    expect(bill.stage).toBe('introduced');
    expect(bill.following).toBe(true);
    for (const action of [
      {
        date: '2026-01-10',
        actor: 'legislature',
        text: 'Introduced',
        classifications: ['introduction'],
      },
      {
        date: '2026-02-10',
        actor: 'legislature',
        text: 'Placed on General File',
        classifications: ['x-general-file'],
      },
      {
        date: '2026-03-10',
        actor: 'legislature',
        text: 'Passed on Final Reading',
        classifications: ['passage'],
      },
    ]) {
      bill = expectStatus(
        await member.client.post<BillDto>(`${base()}/bills/${bill.id}/actions`, action),
        201,
      );
    }
    expect(bill.stage).toBe('passed-origin');
    expect(bill.actions.map((a) => a.classifications)).toEqual([
      ['introduction'],
      ['x-general-file'],
      ['passage'],
    ]);
    expect(bill.stageDates['passed-origin']).toBe('2026-03-10');
  });

  it('refuses a duplicate bill (409) and dates in the wrong format (400 with the field)', async () => {
    expectError(
      await member.client.post(`${base()}/bills`, { ...manualBill, identifier: 'LB12' }),
      409,
      'CONFLICT',
    );
    const bad = expectError(
      await member.client.post(`${base()}/bills/${bill.id}/actions`, {
        date: '03/11/2026',
        text: 'Signed',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.error.fields?.map((f) => f.path)).toEqual(['date']);
  });

  it('keeps actions append-only in the database', async () => {
    await expect(
      t.db.query(`UPDATE bill_actions SET text = 'rewritten' WHERE bill_id = $1`, [bill.id]),
    ).rejects.toThrow(/append-only/);
  });

  it('lets an observer read and follow, but not write (403); outsiders get 404', async () => {
    expectStatus(await observer.client.get(`${base()}/bills/${bill.id}`), 200);
    expectStatus(await observer.client.post(`${base()}/bills/${bill.id}/follow`), 200);
    expectError(
      await observer.client.post(`${base()}/bills/${bill.id}/actions`, {
        date: '2026-03-11',
        text: 'x',
      }),
      403,
      'FORBIDDEN',
    );
    expectError(await outsider.client.get(`${base()}/bills/${bill.id}`), 404, 'NOT_FOUND');
    expectError(await outsider.client.get(`${base()}/bills`), 404, 'NOT_FOUND');
  });
});

describe('bills: linked documents', () => {
  it('links documents the caller may see, and shows each organization only what it may see', async () => {
    const bill = expectStatus(
      await coordinator.client.post<BillDto>(`${base()}/bills`, {
        ...manualBill,
        identifier: 'LB 31',
      }),
      201,
    );
    const shared = expectStatus(
      await coordinator.client.post<{ id: string }>(`${base()}/documents`, {
        title: 'LB 31 plan',
        kind: 'plan',
      }),
      201,
    );
    const secret = expectStatus(
      await coordinator.client.post<{ id: string }>(`${base()}/documents`, {
        title: 'Our private notes',
        kind: 'note',
        isPrivate: true,
      }),
      201,
    );
    expectError(
      await member.client.post(`${base()}/bills/${bill.id}/documents`, { documentId: secret.id }),
      400,
      'VALIDATION_FAILED',
    );
    for (const documentId of [shared.id, secret.id])
      expectStatus(
        await coordinator.client.post(`${base()}/bills/${bill.id}/documents`, { documentId }),
        200,
      );
    const forCoordinator = expectStatus(
      await coordinator.client.get<BillDto>(`${base()}/bills/${bill.id}`),
      200,
    );
    expect(forCoordinator.documents.map((d) => d.title).sort()).toEqual([
      'LB 31 plan',
      'Our private notes',
    ]);
    const forMember = expectStatus(
      await member.client.get<BillDto>(`${base()}/bills/${bill.id}`),
      200,
    );
    expect(forMember.documents.map((d) => d.title)).toEqual(['LB 31 plan']);
    const unlinked = expectStatus(
      await member.client.delete<BillDto>(`${base()}/bills/${bill.id}/documents/${shared.id}`),
      200,
    );
    expect(unlinked.documents).toEqual([]);
  });
});

describe('bills: import', () => {
  it('ships a JSON sample identical to the one the demo seeds', () => {
    expect(JSON.parse(sample('federal-trafficking-bills.json'))).toEqual(FEDERAL_TRAFFICKING_BILLS);
  });

  it('previews, applies, and re-imports the Open States JSON sample idempotently', async () => {
    const body = { format: 'open-states-json', content: sample('federal-trafficking-bills.json') };
    const before = await settledFingerprint(t);
    const preview = expectStatus(
      await member.client.post<BillImportPreviewDto>(`${base()}/bill-imports/preview`, body),
      200,
    );
    expect(preview.ok).toBe(true);
    expect(preview.summary).toEqual({ create: 4, update: 0, unchanged: 0 });
    expect(await settledFingerprint(t)).toEqual(before);

    const applied = expectStatus(
      await member.client.post<BillImportResultDto>(`${base()}/bill-imports/apply`, {
        ...body,
        previewDigest: preview.digest,
      }),
      200,
    );
    expect(applied.summary).toEqual({ create: 4, update: 0, unchanged: 0 });
    const bills = expectStatus(
      await member.client.get<BillSummaryDto[]>(`${base()}/bills?jurisdiction=US%20federal`),
      200,
    );
    expect(Object.fromEntries(bills.map((b) => [b.identifier, b.stage]))).toEqual({
      'HR 2200': 'enacted',
      'S 3946': 'enacted',
      'S 3949': 'enacted',
      'HR 6552': 'dead',
    });
    const hr2200 = bills.find((b) => b.identifier === 'HR 2200')!;
    expect(hr2200.stageDates.enacted).toBe('2019-01-08');

    const again = expectStatus(
      await member.client.post<BillImportResultDto>(`${base()}/bill-imports/apply`, body),
      200,
    );
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 4 });
    const detail = expectStatus(
      await member.client.get<BillDto>(`${base()}/bills/${hr2200.id}`),
      200,
    );
    expect(detail.actions).toHaveLength(5);
    const retitled = expectStatus(
      await member.client.patch<BillDto>(`${base()}/bills/${hr2200.id}`, {
        subjects: ['Human trafficking'],
      }),
      200,
    );
    expect(retitled.sponsorships).toHaveLength(1);
    expect(retitled.title).toBe(detail.title);
    expect(detail.sponsorships[0]).toMatchObject({
      name: 'Christopher H. Smith',
      primary: true,
      district: 'NJ-4',
    });
  });

  it('matches the CSV sample to the same bills by congress.gov id (no duplicates)', async () => {
    const body = { format: 'csv', content: sample('federal-trafficking-bills.csv') };
    const preview = expectStatus(
      await member.client.post<BillImportPreviewDto>(`${base()}/bill-imports/preview`, body),
      200,
    );
    expect(preview.issues).toEqual([]);
    expect(preview.summary.create).toBe(0);
    expectStatus(await member.client.post(`${base()}/bill-imports/apply`, body), 200);
    const again = expectStatus(
      await member.client.post<BillImportResultDto>(`${base()}/bill-imports/apply`, body),
      200,
    );
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 4 });
    const bills = expectStatus(
      await member.client.get<BillSummaryDto[]>(`${base()}/bills?jurisdiction=US%20federal`),
      200,
    );
    expect(bills).toHaveLength(4);
  });

  it('reports a malformed row with its line number and applies nothing (all or nothing)', async () => {
    const csv = [
      'jurisdiction,session,identifier,origin_chamber,title,action_date,action_text',
      'US federal,118,H.R. 5856,lower,A good row,2023-10-19,Introduced in House',
      'US federal,118,H.R. 9999,lower,Another good row,2024-01-01,Introduced in House',
      'US federal,118,H.R. 9998,lower,A bad row,13/02/2024,Passed House',
    ].join('\n');
    const body = { format: 'csv', content: csv };
    const preview = expectStatus(
      await member.client.post<BillImportPreviewDto>(`${base()}/bill-imports/preview`, body),
      200,
    );
    expect(preview.ok).toBe(false);
    expect(preview.issues).toEqual([
      { line: 4, field: 'action_date', message: expect.stringContaining('YYYY-MM-DD') },
    ]);
    const before = await settledFingerprint(t);
    const res = expectError(
      await member.client.post(`${base()}/bill-imports/apply`, body),
      400,
      'VALIDATION_FAILED',
    );
    expect(res.error.fields?.[0].path).toBe('line 4: action_date');
    expect(await settledFingerprint(t)).toEqual(before);

    const missingColumn = expectStatus(
      await member.client.post<BillImportPreviewDto>(`${base()}/bill-imports/preview`, {
        format: 'csv',
        content: 'identifier,title\nHR 1,x',
      }),
      200,
    );
    expect(missingColumn.issues[0]).toMatchObject({ line: 1 });
    expectError(await observer.client.post(`${base()}/bill-imports/apply`, body), 403, 'FORBIDDEN');
  });
});

describe('bills: positions, matrix and conflicts', () => {
  let billId: string;

  it('records each org position, and flags support against oppose in the matrix and alerts', async () => {
    const bills = expectStatus(
      await member.client.get<BillSummaryDto[]>(`${base()}/bills?q=6552`),
      200,
    );
    billId = bills[0].id;
    expectStatus(
      await coordinator.client.post(`${base()}/bills/${billId}/position`, {
        stance: 'support',
        rationale: 'Funds services.',
      }),
      200,
    );
    let matrix = expectStatus(
      await member.client.get<PositionsMatrixDto>(`${base()}/bill-positions`),
      200,
    );
    expect(matrix.rows.find((r) => r.bill.id === billId)?.conflict).toBeNull();

    const pos = expectStatus(
      await member.client.post(`${base()}/bills/${billId}/position`, {
        stance: 'oppose',
        rationale: 'Section 121 harms survivors.',
        decidedBy: 'Policy committee',
        decidedAt: '2026-11-20',
      }),
      200,
    );
    expect(pos).toMatchObject({
      stance: 'oppose',
      decidedBy: 'Policy committee',
      decidedAt: '2026-11-20',
    });
    matrix = expectStatus(
      await member.client.get<PositionsMatrixDto>(`${base()}/bill-positions`),
      200,
    );
    const row = matrix.rows.find((r) => r.bill.id === billId)!;
    expect(row.conflict).toEqual({
      supporting: [coordinator.me.organization.id],
      opposing: [member.me.organization.id],
    });
    expect(matrix.organizations.map((o) => o.id).sort()).toEqual(
      [
        coordinator.me.organization.id,
        member.me.organization.id,
        observer.me.organization.id,
      ].sort(),
    );
    const alerts = expectStatus(
      await coordinator.client.get<CoordinationAlertsDto>(`${base()}/coordination-alerts`),
      200,
    );
    expect(alerts.conflicts.map((c) => c.bill.id)).toEqual([billId]);
    const filtered = expectStatus(
      await member.client.get<BillSummaryDto[]>(
        `${base()}/bills?stance=oppose&positionOrgId=${member.me.organization.id}`,
      ),
      200,
    );
    expect(filtered.map((b) => b.id)).toEqual([billId]);
  });

  it('refuses a position from an observer org (403) and changes nothing', async () => {
    const before = await settledFingerprint(t);
    expectError(
      await observer.client.post(`${base()}/bills/${billId}/position`, { stance: 'support' }),
      403,
      'FORBIDDEN',
    );
    expect(await settledFingerprint(t)).toEqual(before);
  });

  it('lets only coordinators choose the lead org', async () => {
    expectError(
      await member.client.post(`${base()}/bills/${billId}/lead`, {
        organizationId: member.me.organization.id,
      }),
      403,
      'FORBIDDEN',
    );
    const bill = expectStatus(
      await coordinator.client.post<BillDto>(`${base()}/bills/${billId}/lead`, {
        organizationId: member.me.organization.id,
      }),
      200,
    );
    expect(bill.leadOrg?.id).toBe(member.me.organization.id);
    const led = expectStatus(
      await member.client.get<BillSummaryDto[]>(
        `${base()}/bills?leadOrgId=${member.me.organization.id}`,
      ),
      200,
    );
    expect(led.map((b) => b.id)).toEqual([billId]);
  });

  it('alerts watchers about changes, and both sides plus coordinators about a conflict', async () => {
    const alerts = t.app.get(BillAlertsService);
    expectStatus(await memberColleague.client.post(`${base()}/bills/${billId}/follow`), 200);
    const watchers = await alerts.recipientsFor(
      coalitionId,
      { kind: 'bill-action-added', billId },
      member.me.id,
    );
    expect(watchers).toEqual([memberColleague.me.id]);
    const conflict = await alerts.recipientsFor(
      coalitionId,
      {
        kind: 'bill-position-conflict',
        billId,
        organizationIds: [coordinator.me.organization.id, member.me.organization.id],
      },
      null,
    );
    expect(conflict.sort()).toEqual(
      [coordinator.me.id, member.me.id, memberColleague.me.id].sort(),
    );
  });
});

describe('bills: alerts become in-app notifications', () => {
  async function notificationsOf(actor: Actor, kind: string, count = 1) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const res = expectStatus(await actor.client.get<NotificationListDto>('/notifications'), 200);
      const found = res.items.filter((n) => n.kind === kind);
      if (found.length >= count || Date.now() > deadline) return found;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('tells followers of a bill about a new action and a stage change, live, and not the actor', async () => {
    const bill = expectStatus(
      await member.client.post<BillDto>(`${base()}/bills`, { ...manualBill, identifier: 'LB 55' }),
      201,
    );
    expectStatus(await memberColleague.client.post(`${base()}/bills/${bill.id}/follow`), 200);
    const socket = await rawSocket(t, memberColleague.client.token);
    try {
      const pushed = next<EntityChanged>(
        socket,
        'entity:changed',
        (e) => e.type === 'notification',
      );
      expectStatus(
        await member.client.post(`${base()}/bills/${bill.id}/actions`, {
          date: '2026-02-01',
          actor: 'legislature',
          text: 'Advanced to General File',
          classifications: ['committee-passage'],
        }),
        201,
      );
      await pushed;
    } finally {
      socket.close();
    }
    const [action] = await notificationsOf(memberColleague, 'bill-action');
    expect(action).toMatchObject({
      billId: bill.id,
      billIdentifier: 'LB 55',
      excerpt: 'LB 55: Advanced to General File',
      actor: { id: member.me.id },
    });
    const [stage] = await notificationsOf(memberColleague, 'bill-stage');
    expect(stage.excerpt).toBe('LB 55 moved from Introduced to Reported.');
    const mine = expectStatus(await member.client.get<NotificationListDto>('/notifications'), 200);
    expect(mine.items.filter((n) => n.billId === bill.id)).toEqual([]);
  });
});

describe('meetings: overlap alerts', () => {
  const inDays = (days: number, hour = 15) => {
    const d = new Date();
    d.setUTCDate(d.getUTCDate() + days);
    d.setUTCHours(hour, 0, 0, 0);
    return d.toISOString();
  };
  let first: MeetingDto;

  it('warns org A before saving that org B meets the same office within 7 days, and lists the overlap after', async () => {
    first = expectStatus(
      await member.client.post<MeetingDto>(`${base()}/meetings`, {
        office: 'Office of Sen. Jane Doe',
        startsAt: inDays(3),
        attendees: ['Lobbyist B'],
        ask: 'Oppose section 121',
        privateNotes: 'Our own read of the staffer',
      }),
      201,
    );
    expect(first.overlaps).toEqual([]);
    expect(first.privateNotes).toBe('Our own read of the staffer');

    const check = expectStatus(
      await coordinator.client.post<MeetingOverlapDto[]>(`${base()}/meetings/overlap-check`, {
        office: 'sen. jane doe',
        startsAt: inDays(7),
      }),
      200,
    );
    expect(check).toEqual([
      expect.objectContaining({
        meetingId: first.id,
        organizations: [{ id: member.me.organization.id, name: expect.any(String) }],
      }),
    ]);
    const far = expectStatus(
      await coordinator.client.post<MeetingOverlapDto[]>(`${base()}/meetings/overlap-check`, {
        office: 'Sen. Jane Doe',
        startsAt: inDays(11),
      }),
      200,
    );
    expect(far).toEqual([]);

    const second = expectStatus(
      await coordinator.client.post<MeetingDto>(`${base()}/meetings`, {
        office: 'Sen. Jane Doe',
        startsAt: inDays(7),
      }),
      201,
    );
    expect(second.overlaps.map((o) => o.meetingId)).toEqual([first.id]);
    expect(second.privateNotes).toBeNull();
    const seenByB = expectStatus(
      await member.client.get<MeetingDto[]>(`${base()}/meetings?upcoming=true`),
      200,
    );
    expect(seenByB.find((m) => m.id === first.id)?.overlaps.map((o) => o.meetingId)).toEqual([
      second.id,
    ]);
    // Private notes stay with their organization.
    const seenByA = expectStatus(
      await coordinator.client.get<MeetingDto[]>(`${base()}/meetings`),
      200,
    );
    expect(seenByA.find((m) => m.id === first.id)?.privateNotes).toBeNull();
    const dashboard = expectStatus(
      await coordinator.client.get<CoordinationAlertsDto>(`${base()}/coordination-alerts`),
      200,
    );
    expect(dashboard.overlaps).toHaveLength(1);
    // Org B's people are notified of the overlap (the coordinator org caused it, so not told).
    const deadline = Date.now() + 10_000;
    let overlapNotes: NotificationListDto['items'] = [];
    while (!overlapNotes.length && Date.now() < deadline) {
      const res = expectStatus(
        await memberColleague.client.get<NotificationListDto>('/notifications'),
        200,
      );
      overlapNotes = res.items.filter(
        (n) => n.kind === 'meeting-overlap' && n.meetingId === second.id,
      );
      if (!overlapNotes.length) await new Promise((r) => setTimeout(r, 100));
    }
    expect(overlapNotes).toHaveLength(1);
    expect(overlapNotes[0].excerpt).toContain('Sen. Jane Doe');
  });

  it('accepts a past meeting but labels it, and refuses bad dates with the field', async () => {
    const past = expectStatus(
      await member.client.post<MeetingDto>(`${base()}/meetings`, {
        office: 'Rep. John Roe',
        startsAt: '2025-03-01T14:00:00Z',
      }),
      201,
    );
    expect(past.isPast).toBe(true);
    const upcoming = expectStatus(
      await member.client.get<MeetingDto[]>(`${base()}/meetings?upcoming=true`),
      200,
    );
    expect(upcoming.map((m) => m.id)).not.toContain(past.id);
    const bad = expectError(
      await member.client.post(`${base()}/meetings`, {
        office: 'Rep. John Roe',
        startsAt: '2026-13-01',
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.error.fields?.map((f) => f.path)).toEqual(['startsAt']);
  });

  it('lets only attending orgs or coordinators edit a meeting; observers never', async () => {
    expectError(
      await observer.client.patch(`${base()}/meetings/${first.id}`, { ask: 'x' }),
      403,
      'FORBIDDEN',
    );
    const patched = expectStatus(
      await coordinator.client.patch<MeetingDto>(`${base()}/meetings/${first.id}`, {
        notes: 'Shared notes',
      }),
      200,
    );
    // A PATCH changes only what it names.
    expect(patched).toMatchObject({
      notes: 'Shared notes',
      ask: 'Oppose section 121',
      attendees: ['Lobbyist B'],
      organizations: [{ id: member.me.organization.id, name: expect.any(String) }],
    });
  });

  it('exports hearings, deadlines and meetings as ICS', async () => {
    expectStatus(
      await member.client.post(`${base()}/calendar-events`, {
        kind: 'hearing',
        title: 'Judiciary hearing on trafficking, survivors panel',
        startsAt: inDays(10, 14),
        location: 'Dirksen 226',
      }),
      201,
    );
    const res = await member.client.get<string>(`${base()}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    expect(res.body).toContain(
      'SUMMARY:Hearing: Judiciary hearing on trafficking\\, survivors panel',
    );
    expect(res.body).toContain(`UID:meeting-${first.id}@coalesce`);
    expectError(await outsider.client.get(`${base()}/calendar.ics`), 404, 'NOT_FOUND');
  });
});

describe('bills: live entity:changed', () => {
  it('reaches a connected socket of the coalition, and not an outsider', async () => {
    const insider = await rawSocket(t, memberColleague.client.token);
    const stranger = await rawSocket(t, outsider.client.token);
    const strangerEvents: EntityChanged[] = [];
    stranger.on('entity:changed', (e: EntityChanged) => strangerEvents.push(e));
    try {
      const billEvent = next<EntityChanged>(
        insider,
        'entity:changed',
        (e) => e.type === 'bill' && e.action === 'created',
      );
      const created = expectStatus(
        await coordinator.client.post<BillDto>(`${base()}/bills`, {
          ...manualBill,
          identifier: 'LB 77',
        }),
        201,
      );
      expect(await billEvent).toMatchObject({
        coalitionId,
        type: 'bill',
        id: created.id,
        action: 'created',
      });

      const positionEvent = next<EntityChanged>(
        insider,
        'entity:changed',
        (e) => e.type === 'bill-position',
      );
      expectStatus(
        await coordinator.client.post(`${base()}/bills/${created.id}/position`, {
          stance: 'monitor',
        }),
        200,
      );
      expect(await positionEvent).toMatchObject({ type: 'bill-position', parentId: created.id });

      const meetingEvent = next<EntityChanged>(
        insider,
        'entity:changed',
        (e) => e.type === 'meeting',
      );
      expectStatus(
        await coordinator.client.post(`${base()}/meetings`, {
          office: 'Rep. Live Test',
          startsAt: '2030-01-01T10:00:00Z',
        }),
        201,
      );
      await meetingEvent;
      await new Promise((r) => setTimeout(r, 200));
      expect(strangerEvents).toEqual([]);
    } finally {
      insider.close();
      stranger.close();
    }
  });
});
