import type { CoalitionRole } from '../roles.js';
import type { DocPermission } from '../document-access.js';

export interface LayerAccessFacts {
  /** The coalition role of the user's organization; null: not a member of the map's coalition. */
  coalitionRole: CoalitionRole | null;
  /** The user's permission on the shared map the layer belongs to (null: may not see the map). */
  mapPermission: DocPermission | null;
  /** True when the user's organization owns this private layer. */
  isLayerOwnerOrg: boolean;
  /** True when the layer's owner organization granted the user's organization read access. */
  isGrantedOrg: boolean;
}

/**
 * The user's permission on an organization's private layer of a case map, or null (404: others may
 * not even learn that the layer exists). The owner organization edits its layer as far as it may
 * edit the map (observers and archived maps: view); a granted organization only reads it.
 */
export function layerPermission(facts: LayerAccessFacts): DocPermission | null {
  if (facts.coalitionRole === null || facts.mapPermission === null) return null;
  if (facts.isLayerOwnerOrg) return facts.mapPermission === 'edit' ? 'edit' : 'view';
  if (facts.isGrantedOrg) return 'view';
  return null;
}
