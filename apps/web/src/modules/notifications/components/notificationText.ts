import type { NotificationDto } from '@coalesce/protocol';

/** "Maya Chen (Polaris) mentioned you in TVPA plan"; a bill tracker alert says what happened. */
export function notificationText(n: NotificationDto): string {
  const who = n.actor ? `${n.actor.name} (${n.actor.organizationName})` : 'Someone';
  const where = n.documentTitle ? ` in ${n.documentTitle}` : '';
  if (n.kind === 'mention') return `${who} mentioned you${where}`;
  if (n.kind === 'reply') return `${who} replied${where}`;
  const bill = n.billIdentifier ?? 'a bill';
  switch (n.kind) {
    case 'bill-stage':
      return `${bill} changed stage`;
    case 'bill-action':
      return `New action on ${bill}`;
    case 'bill-position':
      return `${who} set a position on ${bill}`;
    case 'bill-meeting':
      return `${who} logged a meeting on ${bill}`;
    case 'bill-conflict':
      return `Conflicting positions on ${bill}`;
    case 'meeting-overlap':
      return `${who} scheduled an overlapping meeting`;
  }
}

/** Where a notification leads: the document with its thread open, the bill, or the meetings. */
export function notificationLink(n: NotificationDto): string | null {
  if (n.documentId) {
    const thread = n.threadId ? `?thread=${encodeURIComponent(n.threadId)}` : '';
    return `/c/${n.coalitionId}/documents/${n.documentId}${thread}`;
  }
  if (n.kind === 'meeting-overlap') return `/c/${n.coalitionId}/meetings`;
  if (n.billId) return `/c/${n.coalitionId}/bills/${n.billId}`;
  return null;
}
