import type { NotificationDto } from '@coalesce/protocol';

/** "Maya Chen (Polaris) mentioned you in TVPA plan", "Assigned: Draft the letter"; a bill tracker alert says what happened. */
export function notificationText(n: NotificationDto): string {
  const who = n.actor ? `${n.actor.name} (${n.actor.organizationName})` : 'Someone';
  const where = n.documentTitle ? ` in ${n.documentTitle}` : '';
  const task = n.taskTitle ? `“${n.taskTitle}”` : 'a task';
  const bill = n.billIdentifier ?? 'a bill';
  switch (n.kind) {
    case 'mention':
      return `${who} mentioned you${where}`;
    case 'reply':
      return `${who} replied${where}`;
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
    case 'assigned':
      return `${who} assigned ${task} to you`;
    case 'task-mention':
      return `${who} mentioned you on ${task}`;
    case 'due-soon':
      return `${task} is due soon`;
    case 'claim-expiring':
      return 'A claim of yours expires within a day';
    case 'status-change':
      return `${who} changed the status of ${task}`;
    case 'task-merged':
      return `${who} merged a duplicate into ${task}`;
    case 'map-access-request':
      return `${who} asks to see a restricted node${where}`;
    case 'map-access-resolved':
      return `${who} answered your request for a restricted node${where}`;
  }
}

/** Where a notification leads: the task (detail open), the document (thread open), the bill, or the meetings. */
export function notificationLink(n: NotificationDto): string | null {
  if (n.taskId) return `/c/${n.coalitionId}/tasks?task=${encodeURIComponent(n.taskId)}`;
  if (n.documentId) {
    const thread = n.threadId ? `?thread=${encodeURIComponent(n.threadId)}` : '';
    return `/c/${n.coalitionId}/documents/${n.documentId}${thread}`;
  }
  if (n.kind === 'meeting-overlap') return `/c/${n.coalitionId}/meetings`;
  if (n.billId) return `/c/${n.coalitionId}/bills/${n.billId}`;
  return null;
}
