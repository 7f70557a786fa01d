import { z } from 'zod';
import { DOC_KINDS, DOC_PERMISSIONS } from '@coalesce/domain';
import type { DocKind, DocPermission } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';

export const documentCreateSchema = z
  .object({
    title: trimmed(1, 200, 'Title'),
    kind: z.enum(DOC_KINDS),
    workingGroupId: uuidSchema.nullable().optional(),
    /** Permission of every coalition member; null keeps it to the owner organization and chosen shares. */
    coalitionPermission: z.enum(DOC_PERMISSIONS).nullable().default('edit'),
    /** A private document is never shared outside the owner organization. */
    isPrivate: z.boolean().default(false),
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
  createdAt: string;
  updatedAt: string;
}

export interface VersionDto {
  id: string;
  kind: 'named' | 'checkpoint';
  name: string | null;
  seq: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
}
