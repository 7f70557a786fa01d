import { z } from 'zod';
import { trimmed, uuidSchema } from './common.js';

/** A Yjs relative position, encoded with Y.encodeRelativePosition and then base64 (REST only). */
const relativePositionSchema = z
  .string()
  .max(1000)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'Must be a base64-encoded relative position.' });

/** The commented text range: relative positions survive concurrent edits. */
export const commentAnchorSchema = z
  .object({ start: relativePositionSchema, end: relativePositionSchema })
  .strict();
export type CommentAnchor = z.infer<typeof commentAnchorSchema>;

export const MENTION_KINDS = ['user', 'organization'] as const;
export type MentionKind = (typeof MENTION_KINDS)[number];

export const mentionSchema = z.object({ kind: z.enum(MENTION_KINDS), id: uuidSchema }).strict();
export type Mention = z.infer<typeof mentionSchema>;

const commentBody = trimmed(1, 5000, 'Comment');

/** POST /documents/:docId/comments: a new thread on a text range. */
export const commentThreadCreateSchema = z
  .object({
    anchor: commentAnchorSchema,
    /** The text the range covered when the thread was started. */
    quote: z.string().max(500).default(''),
    body: commentBody,
    mentions: z.array(mentionSchema).max(50).default([]),
  })
  .strict();
export type CommentThreadCreate = z.infer<typeof commentThreadCreateSchema>;

/** POST /documents/:docId/comments/:threadId/replies */
export const commentReplyCreateSchema = z
  .object({ body: commentBody, mentions: z.array(mentionSchema).max(50).default([]) })
  .strict();
export type CommentReplyCreate = z.infer<typeof commentReplyCreateSchema>;

/** PUT /documents/:docId/comments/:threadId/status */
export const commentThreadStatusSchema = z
  .object({ status: z.enum(['open', 'resolved']) })
  .strict();
export type CommentThreadStatus = z.infer<typeof commentThreadStatusSchema>;

export const commentThreadParamsSchema = z
  .object({ docId: uuidSchema, threadId: uuidSchema })
  .strict();

export interface CommentAuthorDto {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

export interface CommentDto {
  id: string;
  threadId: string;
  author: CommentAuthorDto;
  body: string;
  mentions: Array<Mention & { name: string }>;
  createdAt: string;
}

export interface CommentThreadDto {
  id: string;
  documentId: string;
  anchor: CommentAnchor;
  quote: string;
  status: 'open' | 'resolved';
  resolvedBy: { id: string; name: string } | null;
  resolvedAt: string | null;
  createdAt: string;
  comments: CommentDto[];
}

/** GET /coalitions/:id/mentionables: who and which organizations can be mentioned with `@`. */
export interface MentionablesDto {
  people: Array<{ id: string; name: string; organizationId: string; organizationName: string }>;
  organizations: Array<{ id: string; name: string }>;
}
