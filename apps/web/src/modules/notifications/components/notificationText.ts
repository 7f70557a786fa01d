import type { NotificationDto } from '@coalesce/protocol';

/** "Maya Chen (Polaris) mentioned you in TVPA plan", "Assigned: Draft the letter". */
export function notificationText(n: NotificationDto): string {
  const who = n.actor ? `${n.actor.name} (${n.actor.organizationName})` : 'Someone';
  const where = n.documentTitle ? ` in ${n.documentTitle}` : '';
  const task = n.taskTitle ? `“${n.taskTitle}”` : 'a task';
  switch (n.kind) {
    case 'mention':
      return `${who} mentioned you${where}`;
    case 'reply':
      return `${who} replied${where}`;
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
  }
}

/** Where a notification leads: the document (thread open) or the task (detail open). */
export function notificationLink(n: NotificationDto): string | null {
  if (n.taskId) return `/c/${n.coalitionId}/tasks?task=${encodeURIComponent(n.taskId)}`;
  if (!n.documentId) return null;
  const thread = n.threadId ? `?thread=${encodeURIComponent(n.threadId)}` : '';
  return `/c/${n.coalitionId}/documents/${n.documentId}${thread}`;
}
