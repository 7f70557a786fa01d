import type { PositionStance } from './bill-vocabulary.js';

/** Stances that push a bill forward and the stance that works against it. */
const FOR: ReadonlySet<PositionStance> = new Set(['support', 'support-if-amended']);
const AGAINST: ReadonlySet<PositionStance> = new Set(['oppose']);

export interface OrgStance {
  organizationId: string;
  stance: PositionStance;
}

/**
 * Positions on one bill conflict when at least one organization supports it (outright or if
 * amended) while another opposes it. Returns the organizations on each side, or null.
 */
export function positionConflict(
  positions: readonly OrgStance[],
): { supporting: string[]; opposing: string[] } | null {
  const supporting = positions.filter((p) => FOR.has(p.stance)).map((p) => p.organizationId);
  const opposing = positions.filter((p) => AGAINST.has(p.stance)).map((p) => p.organizationId);
  return supporting.length && opposing.length ? { supporting, opposing } : null;
}
