import type { ExportArchive } from '../export-archive.js';

/** A coalition whose data goes into the export, and the archive folder that holds it. */
export interface ExportCoalition {
  id: string;
  name: string;
  slug: string;
  /** The organization's role there, or null when it left (it may still own data there). */
  role: string | null;
  /** e.g. "coalitions/anti-slavery-alliance-3f2a9c1e". */
  folder: string;
}

export interface SectionContext {
  organization: { id: string; name: string; slug: string };
  /** The coalition being exported; null for organization-wide sections. */
  coalition: ExportCoalition | null;
  archive: ExportArchive;
  /** Counts `units` of work as done and, optionally, says what is being done now. */
  progress(units: number, step?: string): Promise<void>;
}

/**
 * One kind of an organization's data in its export. The exporter runs every section (organization-
 * wide sections once, coalition sections once per coalition), so a new kind of data (e.g. the
 * organization's private case-map layers) is one more provider in ORG_DATA_SECTIONS.
 */
export interface OrgDataSection {
  /** Key of the section's count in the manifest, e.g. "documents". */
  readonly key: string;
  /** Shown as the export's current step, e.g. "Documents". */
  readonly label: string;
  readonly scope: 'organization' | 'coalition';
  /** What each file pattern of the section holds (for the manifest's `contents`). */
  readonly contents: Record<string, string>;
  /** Units of work, for the progress bar (e.g. one per document, one per page of rows). */
  size(ctx: SectionContext): Promise<number>;
  /** Writes the section's files and reports `size` units of progress; returns the items exported. */
  write(ctx: SectionContext): Promise<number>;
}

/** The sections, in the order they are written. */
export const ORG_DATA_SECTIONS = Symbol('ORG_DATA_SECTIONS');

/** A file-name-safe slug of a title, never empty. */
export function fileSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'untitled';
}

/** Pages through rows by a key column, one query per page (keeps memory flat on big organizations). */
export async function* pages<T extends { id: string }>(
  fetch: (after: string, limit: number) => Promise<T[]>,
  limit = 200,
): AsyncGenerator<T> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await fetch(after, limit);
    for (const row of rows) yield row;
    if (rows.length < limit) return;
    after = rows[rows.length - 1].id;
  }
}

export function iso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return new Date(value).toISOString();
}
