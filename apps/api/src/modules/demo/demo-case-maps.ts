import { COTTON_MAP } from './demo-cotton-map.js';
import { FISHING_MAP } from './demo-fishing-map.js';
import type { DemoMap } from './demo-map-types.js';

export type { DemoMap, DemoMapEdge, DemoMapNode } from './demo-map-types.js';

/** The demo case maps, seeded in this order. */
export const DEMO_MAPS: DemoMap[] = [FISHING_MAP, COTTON_MAP];
