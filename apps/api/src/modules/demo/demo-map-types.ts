import type { MapEdgeType, MapNodeType, MapSensitivity, PersonRole } from '@coalesce/domain';

/**
 * Two demo case maps. Government agencies, international organizations, the vessel, the law and the
 * coalitions are public facts (DOMAIN.md); every importer, person, testimony and recruiter is
 * synthetic and says so in its name. The restricted and private nodes belong to demo organizations,
 * so signing in as another organization shows the redaction (stubs, and nothing at all).
 */
export interface DemoMapNode {
  key: string;
  /** Organization key of demo-data.ts that holds the node, and the person who added it. */
  org: string;
  author: string;
  type: MapNodeType;
  sensitivity?: MapSensitivity;
  name: string;
  description?: string;
  tags?: string[];
  role?: PersonRole;
  country?: string;
  startDate?: string;
  identifiers?: Array<{ key: string; value: string }>;
  x: number;
  y: number;
}

export interface DemoMapEdge {
  from: string;
  to: string;
  org: string;
  author: string;
  type: MapEdgeType;
  label?: string;
  evidenceUrl?: string;
  startDate?: string;
  /** Private edges stay in the organization's layer (always so when they touch a private node). */
  sensitivity?: 'shared' | 'private';
}

export interface DemoMap {
  title: string;
  owner: string;
  author: string;
  workingGroup: string;
  nodes: DemoMapNode[];
  edges: DemoMapEdge[];
  /** Organizations a layer owner lets read its layer (owner org key → granted org keys). */
  grants?: Array<{ owner: string; to: string; by: string }>;
  /** A pending request for a restricted node (its owner's people are notified). */
  requests?: Array<{ node: string; by: string; org: string; message: string }>;
}
