import type { MapLinkKind } from '@coalesce/domain';

export const LINK_KIND_LABELS: Record<MapLinkKind, string> = {
  bill: 'Bill',
  task: 'Task',
  document: 'Document',
};

/** Where the app shows a linked bill, task or document (case maps open on the canvas). */
export function linkPath(
  coalitionId: string,
  kind: MapLinkKind,
  id: string,
  documentKind?: string,
): string {
  const base = `/c/${coalitionId}`;
  switch (kind) {
    case 'bill':
      return `${base}/bills/${id}`;
    case 'task':
      return `${base}/tasks?task=${encodeURIComponent(id)}`;
    case 'document':
      return documentKind === 'case-map' ? `${base}/case-maps/${id}` : `${base}/documents/${id}`;
  }
}
