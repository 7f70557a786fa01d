import type { MapNodeType } from '@coalesce/domain';
import type { MapEdge, MapNode } from '@coalesce/protocol';

/** A node whose details the viewer may read. */
export type FullMapNode = MapNode & { redacted: false };

/**
 * A restricted node of another organization whose layer the viewer may not open: the viewer sees
 * only that a node of this type exists, where it sits, and which organization holds it.
 */
export interface RedactedMapNode {
  id: string;
  type: MapNodeType;
  sensitivity: 'restricted';
  ownerOrgId: string;
  authorId: string | null;
  x: number;
  y: number;
  redacted: true;
}

export type MapNodeView = FullMapNode | RedactedMapNode;

/** Something in the documents the model could not use (skipped, the rest of the map still loads). */
export interface MapProblem {
  kind: 'node' | 'edge';
  id: string;
  /** `shared` or the owner organization id of the layer it was found in. */
  source: string;
  reason: string;
}

/** The merged map as one viewer sees it: shared map + the private layers they have open. */
export interface MapView {
  nodes: MapNodeView[];
  edges: MapEdge[];
  problems: MapProblem[];
}
