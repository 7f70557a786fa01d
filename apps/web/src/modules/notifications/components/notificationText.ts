import type { NotificationDto } from '@coalesce/protocol';

/** "Maya Chen (Polaris) mentioned you in TVPA plan". */
export function notificationText(n: NotificationDto): string {
  const who = n.actor ? `${n.actor.name} (${n.actor.organizationName})` : 'Someone';
  const where = n.documentTitle ? ` in ${n.documentTitle}` : '';
  return n.kind === 'mention' ? `${who} mentioned you${where}` : `${who} replied${where}`;
}

/** Where a notification leads: the document, with its comment thread open. */
export function notificationLink(n: NotificationDto): string | null {
  if (!n.documentId) return null;
  const thread = n.threadId ? `?thread=${encodeURIComponent(n.threadId)}` : '';
  return `/c/${n.coalitionId}/documents/${n.documentId}${thread}`;
}
