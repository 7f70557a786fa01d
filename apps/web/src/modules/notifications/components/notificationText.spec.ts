import { describe, expect, it } from '@jest/globals';
import type { NotificationDto } from '@coalesce/protocol';
import { notificationLink, notificationText } from './notificationText';

const base: NotificationDto = {
  id: 'n1',
  kind: 'mention',
  actor: { id: 'u', name: 'Maya Ortiz', organizationName: 'Polaris' },
  coalitionId: 'c1',
  documentId: null,
  documentTitle: null,
  threadId: null,
  billId: null,
  billIdentifier: null,
  meetingId: null,
  taskId: null,
  taskTitle: null,
  excerpt: '',
  createdAt: '2026-11-29T08:00:00Z',
  readAt: null,
};

describe('bill tracker notifications', () => {
  it('name the bill and lead to it', () => {
    const n = {
      ...base,
      kind: 'bill-meeting' as const,
      billId: 'b1',
      billIdentifier: 'HR 6552',
      meetingId: 'm1',
    };
    expect(notificationText(n)).toBe('Maya Ortiz (Polaris) logged a meeting on HR 6552');
    expect(notificationLink(n)).toBe('/c/c1/bills/b1');
  });

  it('send an overlap to the meetings page', () => {
    const n = { ...base, kind: 'meeting-overlap' as const, meetingId: 'm1' };
    expect(notificationText(n)).toBe('Maya Ortiz (Polaris) scheduled an overlapping meeting');
    expect(notificationLink(n)).toBe('/c/c1/meetings');
  });
});
