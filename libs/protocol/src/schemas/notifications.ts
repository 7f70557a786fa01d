import { z } from 'zod';
import { uuidSchema } from './common.js';

export const NOTIFICATION_KINDS = [
  'mention',
  'reply',
  /** Bill tracker alerts (people who follow the bill; overlaps and conflicts also the orgs involved and coordinators). */
  'bill-stage',
  'bill-action',
  'bill-position',
  'bill-meeting',
  'bill-conflict',
  'meeting-overlap',
  /** Tasks and claims. */
  'assigned',
  'task-mention',
  'due-soon',
  'claim-expiring',
  'status-change',
  'task-merged',
  /** Case maps: another organization asks for a restricted node (owner organization), and the answer (requester). */
  'map-access-request',
  'map-access-resolved',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What each kind means, for the preferences screen. */
export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  mention: 'Mentioned in a document comment',
  reply: 'Replies in document threads I joined',
  'bill-stage': 'A bill I follow changes stage',
  'bill-action': 'New actions on bills I follow',
  'bill-position': 'Position changes on bills I follow',
  'bill-meeting': 'Meetings logged on bills I follow',
  'bill-conflict': 'Conflicting positions on a bill',
  'meeting-overlap': 'Another organization meets the same office the same week',
  assigned: 'A task is assigned to me or my organization',
  'task-mention': 'Mentioned in a task comment',
  'due-soon': 'A task of mine is due tomorrow',
  'claim-expiring': "My organization's claim expires within a day",
  'status-change': 'Status changes on tasks I follow',
  'task-merged': 'A task of my organization is merged as a duplicate',
  'map-access-request': 'Another organization asks to see a restricted node of my organization',
  'map-access-resolved': 'My request to see a restricted case-map node is answered',
};

/** GET/PUT /notifications/preferences: kinds switched off do not notify (all on by default). */
export const notificationPreferencesSchema = z
  .object({ enabled: z.partialRecord(z.enum(NOTIFICATION_KINDS), z.boolean()) })
  .strict();
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesSchema>;

export interface NotificationPreferencesDto {
  enabled: Record<NotificationKind, boolean>;
}

/** GET /notifications */
export const notificationListQuerySchema = z
  .object({
    unread: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationParamSchema = z.object({ id: uuidSchema }).strict();

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  actor: { id: string; name: string; organizationName: string } | null;
  coalitionId: string;
  documentId: string | null;
  documentTitle: string | null;
  threadId: string | null;
  /** Bill tracker alerts: the bill (and its identifier) and the meeting concerned. */
  billId: string | null;
  billIdentifier: string | null;
  meetingId: string | null;
  /** The task it is about (task kinds). */
  taskId: string | null;
  taskTitle: string | null;
  /** The first characters of the comment, or what happened. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListDto {
  items: NotificationDto[];
  unreadCount: number;
}
