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
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

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
  /** The first characters of the comment, or what happened (bill tracker alerts). */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationListDto {
  items: NotificationDto[];
  unreadCount: number;
}
