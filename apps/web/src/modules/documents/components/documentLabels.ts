import type { DocKind, DocPermission } from '@coalesce/domain';

export const KIND_LABELS: Record<DocKind, string> = {
  plan: 'Lobbying plan',
  brief: 'Meeting brief',
  letter: 'Sign-on letter',
  note: 'Note',
  'case-map': 'Case map',
  'case-map-layer': 'Private map layer',
};

/** Kinds written in the rich-text editor (case maps have their own page). */
export const TEXT_KINDS: DocKind[] = ['plan', 'brief', 'letter', 'note'];

export const PERMISSION_LABELS: Record<DocPermission, string> = {
  edit: 'Can edit',
  comment: 'Can comment',
  view: 'Can view',
};

export const PERMISSION_COLORS: Record<DocPermission, string> = {
  edit: 'teal',
  comment: 'indigo',
  view: 'gray',
};
