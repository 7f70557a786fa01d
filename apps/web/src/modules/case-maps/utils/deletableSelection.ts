import type { MapNodeView } from '@coalesce/case-map';

/**
 * Which of the selected nodes the viewer's organization may delete: shared nodes (anyone who edits
 * the map) and its own restricted and private nodes. The others are named in the refusal.
 */
export function deletableSelection(nodes: readonly MapNodeView[], orgId: string) {
  const allowed: string[] = [];
  const refused: MapNodeView[] = [];
  for (const node of nodes) {
    if (node.sensitivity === 'shared' || node.ownerOrgId === orgId) allowed.push(node.id);
    else refused.push(node);
  }
  return { allowed, refused };
}
