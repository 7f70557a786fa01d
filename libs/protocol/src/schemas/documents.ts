import { z } from 'zod';
import { DOC_PERMISSIONS, LISTED_DOC_KINDS } from '@coalesce/domain';
import type { DocKind, DocPermission, ListedDocKind } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';

export const documentCreateSchema = z
  .object({
    title: trimmed(1, 200, 'Title'),
    kind: z.enum(LISTED_DOC_KINDS),
    workingGroupId: uuidSchema.nullable().optional(),
    /** Permission of every coalition member; null keeps it to the owner organization and chosen shares. */
    coalitionPermission: z.enum(DOC_PERMISSIONS).nullable().default('edit'),
    /** A private document is never shared outside the owner organization. */
    isPrivate: z.boolean().default(false),
    /** Fills the new document from a template (see GET /document-templates); blank when omitted. */
    templateId: z.string().trim().min(1).max(60).optional(),
  })
  .strict();
export type DocumentCreate = z.infer<typeof documentCreateSchema>;

export const documentSharingSchema = z
  .object({
    coalitionPermission: z.enum(DOC_PERMISSIONS).nullable(),
    organizations: z
      .array(z.object({ organizationId: uuidSchema, permission: z.enum(DOC_PERMISSIONS) }).strict())
      .max(200),
  })
  .strict();
export type DocumentSharing = z.infer<typeof documentSharingSchema>;

/** Rename or move a document (to another working group of the coalition, or none). */
export const documentUpdateSchema = z
  .object({
    title: trimmed(1, 200, 'Title').optional(),
    workingGroupId: uuidSchema.nullable().optional(),
  })
  .strict()
  .refine((v) => v.title !== undefined || v.workingGroupId !== undefined, {
    message: 'Nothing to change.',
  });
export type DocumentUpdate = z.infer<typeof documentUpdateSchema>;

export const DOCUMENT_SORTS = ['updated', 'created', 'title'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];
export const DOCUMENT_STATES = ['active', 'archived', 'all'] as const;

/** GET /coalitions/:id/documents: search in title and text content, filters, sort. */
export const documentListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    kind: z.enum(LISTED_DOC_KINDS).optional(),
    workingGroupId: uuidSchema.optional(),
    ownerOrgId: uuidSchema.optional(),
    /** ISO date-time: only documents changed since then. */
    updatedSince: z.iso.datetime({ offset: true }).optional(),
    state: z.enum(DOCUMENT_STATES).default('active'),
    sort: z.enum(DOCUMENT_SORTS).default('updated'),
    order: z.enum(['asc', 'desc']).optional(),
  })
  .strict();
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const docParamSchema = z.object({ docId: uuidSchema }).strict();
export const versionParamsSchema = z.object({ docId: uuidSchema, versionId: uuidSchema }).strict();
export const versionCreateSchema = z.object({ name: trimmed(1, 120, 'Version name') }).strict();

export interface DocumentDto {
  id: string;
  coalitionId: string;
  ownerOrg: { id: string; name: string };
  workingGroupId: string | null;
  kind: DocKind;
  title: string;
  isPrivate: boolean;
  coalitionPermission: DocPermission | null;
  shares: Array<{ organizationId: string; organizationName: string; permission: DocPermission }>;
  /** The caller's permission. */
  permission: DocPermission;
  createdBy: { id: string; name: string } | null;
  /** Who last changed the content or the title (content edits are recorded at most once a minute). */
  updatedBy: { id: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
  /** With a search `q`: a short excerpt of the matching text content. */
  snippet?: string | null;
}

/** A template a new document can start from (GET /document-templates). */
export interface DocumentTemplateDto {
  id: string;
  name: string;
  kind: ListedDocKind;
  description: string;
}

export interface VersionDto {
  id: string;
  kind: 'named' | 'checkpoint';
  name: string | null;
  seq: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}
