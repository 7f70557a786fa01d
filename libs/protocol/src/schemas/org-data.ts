import { z } from 'zod';
import { uuidSchema } from './common.js';

/**
 * Data ownership: an organization's export of all its data, leaving a coalition with a choice about
 * its contributions, and erasing an organization.
 */

export const orgParamSchema = z.object({ orgId: uuidSchema }).strict();
export const orgExportParamsSchema = z.object({ orgId: uuidSchema, exportId: uuidSchema }).strict();

export const ORG_EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type OrgExportStatus = (typeof ORG_EXPORT_STATUSES)[number];

/** The `format` of an export's manifest.json. */
export const ORG_EXPORT_FORMAT = 'coalesce.org-export';
export const ORG_EXPORT_FORMAT_VERSION = 1;

/** An export job (POST /organizations/:orgId/exports starts one; GET .../exports/:exportId reads it). */
export interface OrgExportDto {
  id: string;
  organizationId: string;
  status: OrgExportStatus;
  /** 0–100. */
  progress: number;
  /** What the job is doing now, e.g. "Documents of Anti-Slavery Alliance (3 of 12)". */
  step: string | null;
  error: string | null;
  createdBy: { id: string; name: string } | null;
  createdAt: string;
  completedAt: string | null;
  /** When the file is deleted (ready exports only). */
  expiresAt: string | null;
  fileName: string | null;
  /** Bytes of the ZIP file (ready exports only). */
  fileSize: number | null;
}

/** One coalition in an export's manifest. */
export interface OrgExportManifestCoalition {
  id: string;
  name: string;
  /** The folder of the archive that holds this coalition's data. */
  folder: string;
  /** The organization's role, or null when it is no longer a member (it still owns data there). */
  role: string | null;
  /** Items exported per section, e.g. `{ documents: 3, tasks: 12 }`. */
  counts: Record<string, number>;
}

/** manifest.json at the root of an export. */
export interface OrgExportManifest {
  format: typeof ORG_EXPORT_FORMAT;
  version: typeof ORG_EXPORT_FORMAT_VERSION;
  exportId: string;
  organization: { id: string; name: string; slug: string };
  requestedBy: { id: string; name: string } | null;
  exportedAt: string;
  /** Items exported per organization-wide section (profile, members, audit entries). */
  counts: Record<string, number>;
  coalitions: OrgExportManifestCoalition[];
  /** Every file of the archive besides the manifest, with its size in bytes. */
  files: Array<{ path: string; bytes: number }>;
  /** What each kind of file holds. */
  contents: Record<string, string>;
}

/** What happens to an organization's contributions to other organizations' documents when it leaves. */
export const LEAVE_CONTRIBUTIONS = ['keep', 'replace-with-placeholders'] as const;
export type LeaveContributions = (typeof LEAVE_CONTRIBUTIONS)[number];

/** POST /coalitions/:id/leave (the body is optional: keep is the default). */
export const coalitionLeaveSchema = z
  .object({ contributions: z.enum(LEAVE_CONTRIBUTIONS).default('keep') })
  .strict();
export type CoalitionLeave = z.infer<typeof coalitionLeaveSchema>;

/** POST /organizations/:orgId/erase: the organization's name typed again, as a confirmation. */
export const orgEraseSchema = z
  .object({
    confirmName: z.string().trim().min(1, { message: 'Type the organization name.' }).max(200),
  })
  .strict();
export type OrgErase = z.infer<typeof orgEraseSchema>;

/** What contribution replacement changed (leaving with placeholders, or an erasure). */
export interface ContributionCounts {
  /** Rich-text documents and case maps that got a placeholder edit. */
  documents: number;
  /** Placeholders written: one per contiguous run of text (or group of whole blocks). */
  placeholders: number;
  /** Blocks (paragraphs, list items...) written wholly by the organization, replaced as a group. */
  blocks: number;
  /** Case-map nodes turned into placeholder stubs. */
  mapNodes: number;
  /** Case-map edges removed. */
  mapEdges: number;
  /** Comments (documents and tasks) whose body became a placeholder. */
  comments: number;
  /** Stored versions rewritten the same way. */
  versions: number;
  /** Yjs client ids used by this organization and by another one: their text is kept. */
  ambiguousClients: number;
}

/** The answer to an erasure. */
export interface OrgErasureDto {
  organizationId: string;
  erasedAt: string;
  counts: Record<string, number>;
}
