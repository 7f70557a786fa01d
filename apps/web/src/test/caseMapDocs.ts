import * as Y from 'yjs';
import type { MapDocs } from '@coalesce/case-map';

export const ORG_A = '11111111-1111-4111-8111-111111111111';
export const ORG_B = '22222222-2222-4222-8222-222222222222';
export const ACTOR_A = { orgId: ORG_A, userId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' };
export const ACTOR_B = { orgId: ORG_B, userId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb' };

/** Two organizations' views of one map, synced in memory (tests only). */
export function twoViewers(): { a: MapDocs; b: MapDocs } {
  const sharedA = new Y.Doc();
  const sharedB = new Y.Doc();
  sharedA.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(sharedB, u, 'remote');
  });
  sharedB.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'remote') Y.applyUpdate(sharedA, u, 'remote');
  });
  return {
    a: { shared: sharedA, layers: new Map([[ORG_A, new Y.Doc()]]) },
    b: { shared: sharedB, layers: new Map([[ORG_B, new Y.Doc()]]) },
  };
}
