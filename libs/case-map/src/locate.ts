import { isItemMap, layerDetails, layerNodes, sharedNodes } from './layout.js';
import type { ItemMap, MapDocs } from './layout.js';

/** Where a node's data lives. */
export type NodeLocation =
  | { sensitivity: 'shared'; item: ItemMap; ownerOrgId: string }
  | {
      sensitivity: 'restricted';
      stub: ItemMap;
      ownerOrgId: string;
      /** The details, when the owner's layer is open. */
      details: ItemMap | null;
    }
  | { sensitivity: 'private'; item: ItemMap; ownerOrgId: string };

export function locateNode(docs: MapDocs, id: string): NodeLocation | null {
  const shared = sharedNodes(docs.shared).get(id);
  if (isItemMap(shared)) {
    const ownerOrgId = String(shared.get('ownerOrgId') ?? '');
    if (shared.get('sensitivity') === 'restricted') {
      const layer = docs.layers.get(ownerOrgId);
      const details = layer ? layerDetails(layer).get(id) : undefined;
      return {
        sensitivity: 'restricted',
        stub: shared,
        ownerOrgId,
        details: isItemMap(details) ? details : null,
      };
    }
    return { sensitivity: 'shared', item: shared, ownerOrgId };
  }
  for (const [orgId, layer] of docs.layers) {
    const item = layerNodes(layer).get(id);
    if (isItemMap(item)) return { sensitivity: 'private', item, ownerOrgId: orgId };
  }
  return null;
}
