import { z } from 'zod';
import {
  MAP_EDGE_SENSITIVITIES,
  MAP_EDGE_TYPES,
  MAP_LIMITS,
  MAP_LINK_KINDS,
  MAP_NODE_DETAIL_FIELDS,
  MAP_NODE_TYPES,
  MAP_NODE_TYPE_FIELDS,
  MAP_SENSITIVITIES,
  PERSON_ROLES,
} from '@coalesce/domain';
import type { DocPermission, MapNodeType } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';
import { isoDateSchema } from './bills.js';

/** Node and edge ids: UUIDs made by the client that adds them (unique within a map). */
export const mapItemIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'Must be 1–64 letters, digits, "-" or "_".' });

const coordinate = z
  .number({ message: 'Must be a number.' })
  .finite()
  .min(-MAP_LIMITS.coordinateMax)
  .max(MAP_LIMITS.coordinateMax);

export const mapTagSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'Tags are lower-case words joined by "-".' })
  .max(MAP_LIMITS.tagMax);

export const mapLinkSchema = z.object({ kind: z.enum(MAP_LINK_KINDS), id: uuidSchema }).strict();

export const mapIdentifierSchema = z
  .object({
    key: trimmed(1, MAP_LIMITS.identifierKeyMax, 'Identifier name'),
    value: trimmed(1, MAP_LIMITS.identifierValueMax, 'Identifier value'),
  })
  .strict();

const countrySchema = z
  .string()
  .regex(/^[A-Z]{2}$/, { message: 'Must be a two-letter country code (ISO 3166-1).' });

/** The descriptive fields of a node: on the shared map, or in the owner's private layer. */
export const mapNodeDetailsSchema = z
  .object({
    name: trimmed(1, MAP_LIMITS.nameMax, 'Name'),
    description: z.string().max(MAP_LIMITS.descriptionMax).default(''),
    tags: z.array(mapTagSchema).max(MAP_LIMITS.tagsMax).default([]),
    role: z.enum(PERSON_ROLES).nullable().default(null),
    country: countrySchema.nullable().default(null),
    startDate: isoDateSchema.nullable().default(null),
    endDate: isoDateSchema.nullable().default(null),
    identifiers: z.array(mapIdentifierSchema).max(MAP_LIMITS.identifiersMax).default([]),
    link: mapLinkSchema.nullable().default(null),
  })
  .strict();
export type MapNodeDetails = z.infer<typeof mapNodeDetailsSchema>;
export type MapNodeDetailsInput = z.input<typeof mapNodeDetailsSchema>;

/** Edits of a node's details: any subset of the fields. */
export const mapNodeDetailsPatchSchema = z
  .object({
    name: trimmed(1, MAP_LIMITS.nameMax, 'Name'),
    description: z.string().max(MAP_LIMITS.descriptionMax),
    tags: z.array(mapTagSchema).max(MAP_LIMITS.tagsMax),
    role: z.enum(PERSON_ROLES).nullable(),
    country: countrySchema.nullable(),
    startDate: isoDateSchema.nullable(),
    endDate: isoDateSchema.nullable(),
    identifiers: z.array(mapIdentifierSchema).max(MAP_LIMITS.identifiersMax),
    link: mapLinkSchema.nullable(),
  })
  .partial()
  .strict();
export type MapNodeDetailsPatch = z.infer<typeof mapNodeDetailsPatchSchema>;

/** The fields that do not apply to a node type (e.g. `role` on a vessel) must stay empty. */
export function detailFieldsOutsideType(
  type: MapNodeType,
  details: Partial<MapNodeDetails>,
): string[] {
  const allowed = MAP_NODE_TYPE_FIELDS[type] as readonly string[];
  return Object.entries(details)
    .filter(
      ([field, value]) =>
        (MAP_NODE_DETAIL_FIELDS as readonly string[]).includes(field) &&
        !allowed.includes(field) &&
        !isEmptyValue(value),
    )
    .map(([field]) => field);
}

function isEmptyValue(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  );
}

function checkDates(
  v: { startDate?: string | null; endDate?: string | null },
  ctx: z.core.$RefinementCtx,
): void {
  if (v.startDate && v.endDate && v.endDate < v.startDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['endDate'],
      message: 'The end date is before the start date.',
    });
  }
}

/** A whole node as the merged map shows it to someone who may read its details. */
export const mapNodeSchema = z
  .object({
    id: mapItemIdSchema,
    type: z.enum(MAP_NODE_TYPES),
    sensitivity: z.enum(MAP_SENSITIVITIES),
    ownerOrgId: uuidSchema,
    authorId: uuidSchema.nullable(),
    x: coordinate,
    y: coordinate,
  })
  .extend(mapNodeDetailsSchema.shape)
  .strict()
  .superRefine((node, ctx) => {
    for (const field of detailFieldsOutsideType(node.type, node)) {
      ctx.addIssue({
        code: 'custom',
        path: [field],
        message: `A ${node.type} node has no ${field}.`,
      });
    }
    checkDates(node, ctx);
  });
export type MapNode = z.infer<typeof mapNodeSchema>;
export type MapNodeInput = z.input<typeof mapNodeSchema>;

const httpUrlSchema = z
  .string()
  .trim()
  .max(MAP_LIMITS.urlMax)
  .refine((s) => /^https?:\/\/[^\s]+$/i.test(s), { message: 'Must be an http(s) address.' });

export const mapEdgeFieldsSchema = z
  .object({
    type: z.enum(MAP_EDGE_TYPES),
    /** false: the relationship has no direction (source and target are interchangeable). */
    directed: z.boolean().default(true),
    label: z.string().trim().max(MAP_LIMITS.labelMax).default(''),
    /** A source or piece of evidence for the relationship. */
    evidenceUrl: httpUrlSchema.nullable().default(null),
    startDate: isoDateSchema.nullable().default(null),
    endDate: isoDateSchema.nullable().default(null),
  })
  .strict();

export const mapEdgePatchSchema = mapEdgeFieldsSchema
  .extend({
    directed: z.boolean(),
    label: z.string().trim().max(MAP_LIMITS.labelMax),
    evidenceUrl: httpUrlSchema.nullable(),
    startDate: isoDateSchema.nullable(),
    endDate: isoDateSchema.nullable(),
  })
  .partial()
  .strict();
export type MapEdgePatch = z.infer<typeof mapEdgePatchSchema>;

export const mapEdgeSchema = z
  .object({
    id: mapItemIdSchema,
    source: mapItemIdSchema,
    target: mapItemIdSchema,
    sensitivity: z.enum(MAP_EDGE_SENSITIVITIES),
    ownerOrgId: uuidSchema,
    authorId: uuidSchema.nullable(),
  })
  .extend(mapEdgeFieldsSchema.shape)
  .strict()
  .superRefine((edge, ctx) => {
    if (edge.source === edge.target) {
      ctx.addIssue({
        code: 'custom',
        path: ['target'],
        message: 'An edge needs two different nodes.',
      });
    }
    checkDates(edge, ctx);
  });
export type MapEdge = z.infer<typeof mapEdgeSchema>;
export type MapEdgeInput = z.input<typeof mapEdgeSchema>;

export const CASE_MAP_JSON_FORMAT = 'coalesce.case-map';

/**
 * The JSON export of a map (GET /case-maps/:docId/export.json) and the import format: the nodes and
 * edges the exporting user may read in full. Redacted nodes of other organizations are left out,
 * with every edge that touches them.
 */
export const caseMapJsonSchema = z
  .object({
    format: z.literal(CASE_MAP_JSON_FORMAT, {
      message: `Not a case map: format must be "${CASE_MAP_JSON_FORMAT}".`,
    }),
    version: z.literal(1, { message: 'Unsupported case map version (expected 1).' }),
    title: trimmed(1, 200, 'Title'),
    exportedAt: z.iso.datetime({ offset: true }).optional(),
    nodes: z.array(mapNodeSchema).max(MAP_LIMITS.nodesMax),
    edges: z.array(mapEdgeSchema).max(MAP_LIMITS.edgesMax),
  })
  .strict()
  .superRefine((map, ctx) => {
    const ids = new Set<string>();
    map.nodes.forEach((node, i) => {
      if (ids.has(node.id))
        ctx.addIssue({
          code: 'custom',
          path: ['nodes', i, 'id'],
          message: `Duplicate node id ${node.id}.`,
        });
      ids.add(node.id);
    });
    const edgeIds = new Set<string>();
    map.edges.forEach((edge, i) => {
      if (edgeIds.has(edge.id))
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'id'],
          message: `Duplicate edge id ${edge.id}.`,
        });
      edgeIds.add(edge.id);
      for (const end of ['source', 'target'] as const) {
        if (!ids.has(edge[end])) {
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `Edge ${edge.id} points to a missing node ${edge[end]}.`,
          });
        }
      }
    });
  });
export type CaseMapJson = z.infer<typeof caseMapJsonSchema>;

/** POST /coalitions/:coalitionId/case-maps/import: a new map (owned by the caller's organization). */
export const caseMapImportSchema = z
  .object({
    /** Overrides the title in the file. */
    title: trimmed(1, 200, 'Title').optional(),
    workingGroupId: uuidSchema.nullable().optional(),
    map: z.unknown(),
  })
  .strict();
export type CaseMapImport = z.infer<typeof caseMapImportSchema>;

export const mapParamSchema = z.object({ docId: uuidSchema }).strict();
export const mapNodeParamsSchema = z
  .object({ docId: uuidSchema, nodeId: mapItemIdSchema })
  .strict();
export const mapGrantParamsSchema = z
  .object({ docId: uuidSchema, organizationId: uuidSchema })
  .strict();
export const mapRequestParamsSchema = z
  .object({ docId: uuidSchema, requestId: uuidSchema })
  .strict();

/** An organization's private layer of a map that the caller may open over /collab. */
export interface CaseMapLayerDto {
  /** The Yjs document id of the layer (open it with doc:open like any document). */
  docId: string;
  organization: { id: string; name: string };
  /** `edit`: the caller's own organization's layer; `view`: a layer another organization granted. */
  permission: DocPermission;
  own: boolean;
}

/** GET /case-maps/:docId/layers: the layers the caller may open (its own is created on first use). */
export interface CaseMapLayersDto {
  mapId: string;
  layers: CaseMapLayerDto[];
}

/** POST /case-maps/:docId/layer-grants: the caller's organization lets another read its layer. */
export const layerGrantCreateSchema = z.object({ organizationId: uuidSchema }).strict();
export type LayerGrantCreate = z.infer<typeof layerGrantCreateSchema>;

export interface LayerGrantDto {
  organization: { id: string; name: string };
  grantedBy: { id: string; name: string } | null;
  grantedAt: string;
}

export const ACCESS_REQUEST_STATUSES = [
  'pending',
  'granted-layer',
  'shared-node',
  'declined',
] as const;
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];

/** POST /case-maps/:docId/access-requests: ask the owner of a restricted node for its details. */
export const accessRequestCreateSchema = z
  .object({ nodeId: mapItemIdSchema, message: z.string().trim().max(500).default('') })
  .strict();
export type AccessRequestCreate = z.infer<typeof accessRequestCreateSchema>;

/**
 * POST /case-maps/:docId/access-requests/:requestId/resolve (owner organization):
 * `grant-layer` lets the requesting organization read the owner's whole private layer of this map;
 * `share-node` moves the node's details to the shared map for everyone; `decline` refuses.
 */
export const accessRequestResolveSchema = z
  .object({ decision: z.enum(['grant-layer', 'share-node', 'decline']) })
  .strict();
export type AccessRequestResolve = z.infer<typeof accessRequestResolveSchema>;

export interface AccessRequestDto {
  id: string;
  mapId: string;
  nodeId: string;
  /** The node's type as the stub shows it (never its details). */
  nodeType: MapNodeType;
  requestingOrg: { id: string; name: string };
  requestedBy: { id: string; name: string } | null;
  ownerOrg: { id: string; name: string };
  message: string;
  status: AccessRequestStatus;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: { id: string; name: string } | null;
}

/**
 * POST /case-maps/:docId/nodes/:nodeId/share (and an access request resolved with `share-node`):
 * the node's details moved to the shared map. The seqs are those of the forward updates the server
 * committed (null when a document did not change); open editors receive them like any edit.
 */
export interface NodeShareResultDto {
  nodeId: string;
  mapSeq: number | null;
  layerSeq: number | null;
}
