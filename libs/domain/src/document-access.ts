import type { CoalitionRole } from './roles.js';

/** What a person may do with a co-edited document. */
export const DOC_PERMISSIONS = ['edit', 'comment', 'view'] as const;
export type DocPermission = (typeof DOC_PERMISSIONS)[number];

const RANK: Record<DocPermission, number> = { view: 1, comment: 2, edit: 3 };

export interface DocumentAccessFacts {
  /** The coalition role of the user's organization in the document's coalition; null: not a member. */
  coalitionRole: CoalitionRole | null;
  /** True when the user's organization owns the document. */
  isOwnerOrg: boolean;
  /** Private documents (e.g. an organization's private case-map layer) are never shared. */
  isPrivate: boolean;
  /** Permission granted to the whole coalition, or null when not shared coalition-wide. */
  coalitionPermission: DocPermission | null;
  /** Permission granted to the user's organization specifically, or null. */
  orgPermission: DocPermission | null;
  /** Archived documents are read-only for everyone until restored. */
  isArchived?: boolean;
}

/**
 * The user's permission on a document, or null when they may not know it exists (404).
 * The owner organization edits; others get the best of the coalition-wide and their org's grant;
 * observers never edit or comment, and nobody edits or comments an archived document.
 */
export function documentPermission(facts: DocumentAccessFacts): DocPermission | null {
  if (facts.coalitionRole === null) return null;
  let best: DocPermission | null = null;
  if (facts.isOwnerOrg) best = 'edit';
  else if (!facts.isPrivate) best = higher(facts.coalitionPermission, facts.orgPermission);
  if (best === null) return null;
  return facts.coalitionRole === 'observer' || facts.isArchived ? 'view' : best;
}

/**
 * Who may archive, restore, delete a document or change its sharing: an editing member of the owner
 * organization (observers never), or any coordinator organization of the coalition.
 */
export function canManageDocument(facts: {
  coalitionRole: CoalitionRole | null;
  isOwnerOrg: boolean;
}): boolean {
  if (facts.coalitionRole === 'coordinator') return true;
  return facts.isOwnerOrg && facts.coalitionRole === 'member';
}

export function higher(a: DocPermission | null, b: DocPermission | null): DocPermission | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK[a] >= RANK[b] ? a : b;
}

export function permissionAllows(permission: DocPermission | null, needed: DocPermission): boolean {
  return permission !== null && RANK[permission] >= RANK[needed];
}

/**
 * Kinds of co-edited documents. A `case-map-layer` is an organization's private layer of a case map:
 * stored like any document, but never listed, searched, shared or created through the documents API
 * (its access rule is `layerPermission`).
 */
export const DOC_KINDS = ['plan', 'brief', 'letter', 'note', 'case-map', 'case-map-layer'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

/** The kinds people create and find in document lists (every kind but private map layers). */
export const LISTED_DOC_KINDS = [
  'plan',
  'brief',
  'letter',
  'note',
  'case-map',
] as const satisfies readonly DocKind[];
export type ListedDocKind = (typeof LISTED_DOC_KINDS)[number];

/** Kinds edited as rich text (TipTap over Yjs); case maps and their private layers are graphs. */
export const RICH_TEXT_DOC_KINDS: readonly DocKind[] = DOC_KINDS.filter(
  (kind) => !kind.startsWith('case-map'),
);
