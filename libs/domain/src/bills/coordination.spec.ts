import { describe, expect, it } from '@jest/globals';
import { alertRecipients } from './bill-alerts.js';
import { normalizeBillIdentifier } from './bill-identifier.js';
import { findMeetingOverlaps, officeKey } from './meeting-overlap.js';
import { positionConflict } from './position-conflicts.js';

describe('normalizeBillIdentifier', () => {
  it.each([
    ['H.R. 2200', 'HR 2200'],
    ['hr2200', 'HR 2200'],
    ['S.3946', 'S 3946'],
    ['H.J.Res. 46', 'HJRES 46'],
    ['LB 0012', 'LB 12'],
    ['nonsense', null],
  ])('%s -> %s', (raw, expected) => expect(normalizeBillIdentifier(raw)).toBe(expected));
});

describe('findMeetingOverlaps', () => {
  const m = (id: string, office: string, startsAt: string, ...orgs: string[]) => ({
    id,
    office,
    startsAt,
    organizationIds: orgs,
  });
  const existing = [
    m('1', 'Office of Sen. Jane Doe', '2026-12-03T15:00:00Z', 'B'),
    m('2', 'Sen. Jane Doe', '2026-12-20T15:00:00Z', 'C'),
    m('3', 'Rep. John Roe', '2026-12-04T15:00:00Z', 'B'),
    m('4', 'sen jane doe office', '2026-12-01T15:00:00Z', 'A'),
  ];

  it('finds another org in the same office within 7 days, before or after', () => {
    const found = findMeetingOverlaps(
      m('new', 'Jane Doe (Sen.)', '2026-12-07T10:00:00Z', 'A'),
      existing,
    );
    expect(found.map((o) => o.meeting.id)).toEqual(['1']);
    expect(found[0].otherOrganizationIds).toEqual(['B']);
    expect(officeKey('Office of Sen. Jane Doe')).toBe(officeKey('sen jane doe office'));
  });

  it('uses the configured window and ignores the meeting itself', () => {
    expect(
      findMeetingOverlaps(m('new', 'Sen. Jane Doe', '2026-12-07T10:00:00Z', 'A'), existing, 14).map(
        (o) => o.meeting.id,
      ),
    ).toEqual(['1', '2']);
    expect(
      findMeetingOverlaps(m('1', 'Sen. Jane Doe', '2026-12-03T15:00:00Z', 'B'), existing, 1),
    ).toEqual([]);
  });
});

describe('positionConflict', () => {
  it('flags support (or support if amended) against oppose, not monitor', () => {
    expect(
      positionConflict([
        { organizationId: 'A', stance: 'support' },
        { organizationId: 'B', stance: 'monitor' },
      ]),
    ).toBeNull();
    expect(
      positionConflict([
        { organizationId: 'A', stance: 'support-if-amended' },
        { organizationId: 'B', stance: 'oppose' },
        { organizationId: 'C', stance: 'support' },
      ]),
    ).toEqual({ supporting: ['A', 'C'], opposing: ['B'] });
  });
});

describe('alertRecipients', () => {
  const audience = {
    watcherUserIds: ['w1', 'w2', 'actor'],
    coordinatorUserIds: ['coord'],
    usersByOrganization: new Map([
      ['A', ['a1', 'actor']],
      ['B', ['b1']],
    ]),
  };
  it('sends bill changes to watchers except the actor', () => {
    expect(alertRecipients({ kind: 'bill-action-added', billId: 'x' }, audience, 'actor')).toEqual([
      'w1',
      'w2',
    ]);
  });
  it('sends an overlap to both organizations and the coordinators', () => {
    expect(
      alertRecipients(
        { kind: 'meeting-overlap', meetingId: 'm', organizationIds: ['A', 'B'] },
        audience,
        'actor',
      ),
    ).toEqual(['a1', 'b1', 'coord']);
  });
});
