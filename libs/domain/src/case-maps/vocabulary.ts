/**
 * The vocabulary of case maps: what a node or an edge can be, and which fields each kind of node
 * has. Shared by the server (validation of imports, demo data) and every client (canvas, forms).
 */

export const MAP_NODE_TYPES = [
  'case',
  'organization',
  'person',
  'business',
  'vessel',
  'location',
  'jurisdiction',
  'legislator',
  'bill',
] as const;
export type MapNodeType = (typeof MAP_NODE_TYPES)[number];

export const MAP_NODE_TYPE_LABELS: Record<MapNodeType, string> = {
  case: 'Case',
  organization: 'Organization',
  person: 'Person',
  business: 'Business / employer',
  vessel: 'Vessel',
  location: 'Location',
  jurisdiction: 'Jurisdiction',
  legislator: 'Legislator / office',
  bill: 'Bill',
};

/** The role of a person node. Demo data about people is always synthetic. */
export const PERSON_ROLES = ['survivor', 'recruiter', 'witness', 'official', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export const MAP_EDGE_TYPES = [
  'recruited',
  'employed',
  'owns',
  'supplies',
  'transported',
  'located-in',
  'represents',
  'sponsors',
  'investigates',
  'assists',
  'related',
] as const;
export type MapEdgeType = (typeof MAP_EDGE_TYPES)[number];

export const MAP_EDGE_TYPE_LABELS: Record<MapEdgeType, string> = {
  recruited: 'recruited',
  employed: 'employed',
  owns: 'owns',
  supplies: 'supplies',
  transported: 'transported',
  'located-in': 'located in',
  represents: 'represents',
  sponsors: 'sponsors',
  investigates: 'investigates',
  assists: 'assists',
  related: 'related to',
};

/**
 * Who may see a node's details.
 * - `shared`: every organization that can see the map.
 * - `restricted`: others see only that a node of this type exists and which organization holds it;
 *   the details live in the owner organization's private layer.
 * - `private`: only the owner organization (and organizations it granted its layer) see it at all.
 */
export const MAP_SENSITIVITIES = ['shared', 'restricted', 'private'] as const;
export type MapSensitivity = (typeof MAP_SENSITIVITIES)[number];

/** An edge is either on the shared map or, with everything about it, in the owner's private layer. */
export const MAP_EDGE_SENSITIVITIES = ['shared', 'private'] as const;
export type MapEdgeSensitivity = (typeof MAP_EDGE_SENSITIVITIES)[number];

/** What a node may link to inside the coalition (generic: followed by the web app's router). */
export const MAP_LINK_KINDS = ['bill', 'task', 'document'] as const;
export type MapLinkKind = (typeof MAP_LINK_KINDS)[number];

/**
 * Suggested tags. Typology tags follow the forms of exploitation named in the Palermo Protocol and
 * the ILO forced-labour indicators; any other short tag is allowed too.
 */
export const MAP_TYPOLOGY_TAGS = [
  'forced-labor',
  'debt-bondage',
  'sex-trafficking',
  'child-labor',
  'forced-marriage',
  'domestic-servitude',
  'organ-removal',
  'forced-criminality',
  'labor-recruitment-fees',
  'document-retention',
  'state-imposed-forced-labor',
] as const;
export const MAP_CONTEXT_TAGS = [
  'fishing',
  'seafood',
  'cotton',
  'garments',
  'agriculture',
  'construction',
  'supply-chain',
  'import-ban',
  'withhold-release-order',
  'prosecution',
  'victim-services',
] as const;
export const MAP_SUGGESTED_TAGS: readonly string[] = [...MAP_TYPOLOGY_TAGS, ...MAP_CONTEXT_TAGS];

/** The descriptive fields a node may carry (beyond its type, position and ownership). */
export const MAP_NODE_DETAIL_FIELDS = [
  'name',
  'description',
  'tags',
  'role',
  'country',
  'startDate',
  'endDate',
  'identifiers',
  'link',
] as const;
export type MapNodeDetailField = (typeof MAP_NODE_DETAIL_FIELDS)[number];

/**
 * Which detail fields apply to each node type. `name`, `description` and `tags` apply to all;
 * identifiers are e.g. a vessel's IMO number, a company's registry number, a case number.
 */
export const MAP_NODE_TYPE_FIELDS: Record<MapNodeType, readonly MapNodeDetailField[]> = {
  case: ['name', 'description', 'tags', 'country', 'startDate', 'endDate', 'identifiers', 'link'],
  organization: ['name', 'description', 'tags', 'country', 'identifiers', 'link'],
  person: ['name', 'description', 'tags', 'role', 'country', 'startDate', 'endDate'],
  business: ['name', 'description', 'tags', 'country', 'identifiers', 'link'],
  vessel: ['name', 'description', 'tags', 'country', 'startDate', 'endDate', 'identifiers'],
  location: ['name', 'description', 'tags', 'country'],
  jurisdiction: ['name', 'description', 'tags', 'country', 'identifiers'],
  legislator: ['name', 'description', 'tags', 'country', 'identifiers', 'link'],
  bill: ['name', 'description', 'tags', 'country', 'startDate', 'identifiers', 'link'],
};

export function fieldAppliesTo(type: MapNodeType, field: MapNodeDetailField): boolean {
  return MAP_NODE_TYPE_FIELDS[type].includes(field);
}

/** Limits shared by the client model and the server's import validation. */
export const MAP_LIMITS = {
  nameMax: 200,
  descriptionMax: 5000,
  tagsMax: 20,
  tagMax: 40,
  identifiersMax: 10,
  identifierKeyMax: 40,
  identifierValueMax: 120,
  labelMax: 200,
  urlMax: 2000,
  nodesMax: 5000,
  edgesMax: 10000,
  coordinateMax: 1_000_000,
} as const;
