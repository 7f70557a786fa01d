import { z } from 'zod';
import {
  ACTION_ACTORS,
  BILL_STAGES,
  BILL_TYPES,
  CALENDAR_EVENT_KINDS,
  CHAMBERS,
  POSITION_STANCES,
  WATCH_PRIORITIES,
  normalizeBillIdentifier,
} from '@coalesce/domain';
import type { CalendarEventKind } from '@coalesce/domain';
import { trimmed, uuidSchema } from './common.js';

/** A calendar date, YYYY-MM-DD. */
export const isoDateSchema = z.iso.date({ message: 'Must be a date in the form YYYY-MM-DD.' });
/** A date and time with an offset, e.g. 2026-12-03T15:00:00Z. */
export const isoDateTimeSchema = z.iso.datetime({
  offset: true,
  message: 'Must be a date and time in ISO 8601 form, e.g. 2026-12-03T15:00:00Z.',
});

const text = (max: number) => z.string().trim().max(max);

/**
 * The fields of a create schema, all optional and without their defaults, for a PATCH: a field
 * left out must stay as it is, not be reset to the create default.
 */
function patchOf<T extends z.ZodRawShape>(schema: z.ZodObject<T>) {
  const shape = Object.fromEntries(
    Object.entries(schema.shape).map(([key, field]) => [
      key,
      (field instanceof z.ZodDefault
        ? (field.unwrap() as z.ZodType)
        : (field as z.ZodType)
      ).optional(),
    ]),
  ) as unknown as { [K in keyof T]: z.ZodOptional<T[K] extends z.ZodDefault<infer I> ? I : T[K]> };
  return z.object(shape).strict();
}
const optionalText = (max: number) => text(max).nullable().optional();

export const billIdentifierSchema = z
  .string()
  .trim()
  .min(1, { message: 'Identifier is required.' })
  .max(40)
  .transform((v, ctx) => {
    const normalized = normalizeBillIdentifier(v);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'Must be letters and a number, e.g. "HR 2200".' });
      return z.NEVER;
    }
    return normalized;
  });

export const sponsorshipSchema = z
  .object({
    name: trimmed(1, 200, 'Sponsor name'),
    party: optionalText(40),
    district: optionalText(60),
    primary: z.boolean().default(false),
    date: isoDateSchema.nullable().optional(),
    withdrawnAt: isoDateSchema.nullable().optional(),
  })
  .strict();
export type SponsorshipInput = z.infer<typeof sponsorshipSchema>;

export const billVersionSchema = z
  .object({
    note: trimmed(1, 120, 'Version note'),
    date: isoDateSchema.nullable().optional(),
    url: z.url().max(2000).nullable().optional(),
  })
  .strict();

export const voteEventSchema = z
  .object({
    date: isoDateSchema,
    chamber: z.enum(CHAMBERS),
    motion: trimmed(1, 300, 'Motion'),
    result: z.enum(['pass', 'fail']),
    yes: z.number().int().min(0).default(0),
    no: z.number().int().min(0).default(0),
    other: z.number().int().min(0).default(0),
  })
  .strict();

export const billSourceSchema = z
  .object({ url: z.url().max(2000), note: optionalText(200) })
  .strict();

export const externalIdsSchema = z
  .object({
    congressGov: optionalText(200),
    openStates: optionalText(200),
    legiscan: optionalText(200),
  })
  .strict();
export type ExternalIds = z.infer<typeof externalIdsSchema>;

/** POST /coalitions/:id/bills (manual entry). */
export const billCreateSchema = z
  .object({
    jurisdiction: trimmed(1, 80, 'Jurisdiction'),
    session: trimmed(1, 40, 'Session'),
    identifier: billIdentifierSchema,
    type: z.enum(BILL_TYPES).default('bill'),
    originChamber: z.enum(CHAMBERS),
    title: trimmed(1, 1000, 'Title'),
    shortTitles: z
      .array(trimmed(1, 300, 'Short title'))
      .max(20)
      .default([]),
    subjects: z
      .array(trimmed(1, 120, 'Subject'))
      .max(50)
      .default([]),
    introducedAt: isoDateSchema.nullable().optional(),
    sessionEnded: z.boolean().default(false),
    sessionEndDate: isoDateSchema.nullable().optional(),
    externalIds: externalIdsSchema.default({}),
    sources: z.array(billSourceSchema).max(20).default([]),
    sponsorships: z.array(sponsorshipSchema).max(500).default([]),
    versions: z.array(billVersionSchema).max(50).default([]),
    votes: z.array(voteEventSchema).max(50).default([]),
  })
  .strict();
export type BillCreate = z.infer<typeof billCreateSchema>;

/** PATCH /coalitions/:id/bills/:billId: any of the descriptive fields (actions are append-only). */
export const billUpdateSchema = patchOf(billCreateSchema).refine((v) => Object.keys(v).length > 0, {
  message: 'Nothing to change.',
});
export type BillUpdate = z.infer<typeof billUpdateSchema>;

/** POST /coalitions/:id/bills/:billId/actions (append-only). Unknown classifications are kept. */
export const billActionCreateSchema = z
  .object({
    date: isoDateSchema,
    actor: z.enum(ACTION_ACTORS).nullable().default(null),
    /** Committee or body that acted, e.g. "Committee on the Judiciary". */
    actorName: optionalText(200),
    text: trimmed(1, 2000, 'Action text'),
    classifications: z.array(z.string().trim().min(1).max(60)).max(10).default([]),
  })
  .strict();
export type BillActionCreate = z.infer<typeof billActionCreateSchema>;

/** PATCH /coalitions/:id/bills/:billId/watch: the coalition's watchlist entry. */
export const billWatchSchema = z
  .object({
    watched: z.boolean(),
    priority: z.enum(WATCH_PRIORITIES).default('medium'),
    tags: z
      .array(trimmed(1, 40, 'Tag'))
      .max(20)
      .default([]),
  })
  .strict();
export type BillWatch = z.infer<typeof billWatchSchema>;

/** POST /coalitions/:id/bills/:billId/lead (coordinators). */
export const billLeadSchema = z.object({ organizationId: uuidSchema.nullable() }).strict();

/** PUT-like POST /coalitions/:id/bills/:billId/position: the caller's organization's position. */
export const billPositionSchema = z
  .object({
    stance: z.enum(POSITION_STANCES),
    rationale: optionalText(4000),
    /** Who decided, e.g. "Policy committee"; defaults to the caller. */
    decidedBy: optionalText(200),
    decidedAt: isoDateSchema.nullable().optional(),
  })
  .strict();
export type BillPositionInput = z.infer<typeof billPositionSchema>;

export const BILL_SORTS = ['last-action', 'identifier', 'priority', 'updated'] as const;

/** GET /coalitions/:id/bills */
export const billListQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    stage: z.enum(BILL_STAGES).optional(),
    jurisdiction: z.string().trim().max(80).optional(),
    tag: z.string().trim().max(40).optional(),
    leadOrgId: uuidSchema.optional(),
    /** Bills on which this organization holds `stance`, with positionOrgId. */
    stance: z.enum(POSITION_STANCES).optional(),
    positionOrgId: uuidSchema.optional(),
    watched: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: z.enum(BILL_SORTS).default('last-action'),
    order: z.enum(['asc', 'desc']).default('desc'),
  })
  .strict();
export type BillListQuery = z.infer<typeof billListQuerySchema>;

/** POST /coalitions/:id/bills/:billId/documents: link a document of the coalition to the bill. */
export const billDocumentLinkSchema = z.object({ documentId: uuidSchema }).strict();
export const billDocumentParamsSchema = z
  .object({ id: uuidSchema, billId: uuidSchema, documentId: uuidSchema })
  .strict();

export const billParamsSchema = z.object({ id: uuidSchema, billId: uuidSchema }).strict();
export const meetingParamsSchema = z.object({ id: uuidSchema, meetingId: uuidSchema }).strict();
export const calendarEventParamsSchema = z.object({ id: uuidSchema, eventId: uuidSchema }).strict();

// ---- import ----

export const BILL_IMPORT_FORMATS = ['open-states-json', 'csv'] as const;
export type BillImportFormat = (typeof BILL_IMPORT_FORMATS)[number];

/** POST /coalitions/:id/bill-imports/preview and /apply: the file's text and its format. */
export const billImportSchema = z
  .object({
    format: z.enum(BILL_IMPORT_FORMATS),
    content: z.string().min(1, { message: 'The file is empty.' }).max(5_000_000),
    /** With apply: the digest the preview returned, so what is applied is what was previewed. */
    previewDigest: z.string().max(128).optional(),
  })
  .strict();
export type BillImport = z.infer<typeof billImportSchema>;

export interface BillImportIssue {
  /** 1-based line of the file (CSV), or the bill's position in the JSON list. */
  line: number;
  field: string;
  message: string;
}

export interface BillImportChange {
  line: number;
  identifier: string;
  jurisdiction: string;
  session: string;
  title: string;
  change: 'create' | 'update' | 'unchanged';
  /** Actions the import would append (those not yet on the bill). */
  newActions: number;
  /** Fields whose value would change, for an update. */
  fields: string[];
}

export interface BillImportPreviewDto {
  ok: boolean;
  issues: BillImportIssue[];
  changes: BillImportChange[];
  summary: { create: number; update: number; unchanged: number };
  /** Send back with apply. */
  digest: string;
}

export interface BillImportResultDto {
  applied: boolean;
  changes: BillImportChange[];
  summary: { create: number; update: number; unchanged: number };
}

// ---- meetings ----

export const meetingCreateSchema = z
  .object({
    office: trimmed(1, 200, 'Office'),
    legislator: optionalText(200),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema.nullable().optional(),
    billIds: z.array(uuidSchema).max(20).default([]),
    /** Attending member organizations; the caller's own is always added. */
    organizationIds: z.array(uuidSchema).max(20).default([]),
    attendees: z
      .array(trimmed(1, 200, 'Attendee'))
      .max(30)
      .default([]),
    ask: optionalText(2000),
    notes: optionalText(10000),
    /** Visible only to the caller's organization. */
    privateNotes: optionalText(10000),
    followUps: z
      .array(trimmed(1, 500, 'Follow-up'))
      .max(30)
      .default([]),
  })
  .strict();
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;

export const meetingUpdateSchema = patchOf(meetingCreateSchema).refine(
  (v) => Object.keys(v).length > 0,
  { message: 'Nothing to change.' },
);
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

/** POST /coalitions/:id/meetings/overlap-check: what saving this meeting would overlap. */
export const meetingOverlapCheckSchema = z
  .object({
    office: trimmed(1, 200, 'Office'),
    startsAt: isoDateTimeSchema,
    organizationIds: z.array(uuidSchema).max(20).default([]),
    /** When editing an existing meeting. */
    meetingId: uuidSchema.optional(),
  })
  .strict();
export type MeetingOverlapCheck = z.infer<typeof meetingOverlapCheckSchema>;

export const meetingListQuerySchema = z
  .object({
    upcoming: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    billId: uuidSchema.optional(),
  })
  .strict();

export interface MeetingOverlapDto {
  meetingId: string;
  office: string;
  startsAt: string;
  organizations: Array<{ id: string; name: string }>;
  daysApart: number;
}

export interface MeetingDto {
  id: string;
  coalitionId: string;
  office: string;
  legislator: string | null;
  startsAt: string;
  endsAt: string | null;
  /** The meeting is in the past (still listed, labelled). */
  isPast: boolean;
  bills: Array<{ id: string; identifier: string; title: string }>;
  organizations: Array<{ id: string; name: string }>;
  attendees: string[];
  ask: string | null;
  notes: string | null;
  /** The caller's organization's private notes. */
  privateNotes: string | null;
  followUps: string[];
  createdByOrg: { id: string; name: string };
  overlaps: MeetingOverlapDto[];
  createdAt: string;
  updatedAt: string;
}

// ---- calendar ----

export const calendarEventCreateSchema = z
  .object({
    kind: z.enum(CALENDAR_EVENT_KINDS),
    title: trimmed(1, 300, 'Title'),
    startsAt: isoDateTimeSchema,
    endsAt: isoDateTimeSchema.nullable().optional(),
    location: optionalText(300),
    billId: uuidSchema.nullable().optional(),
    notes: optionalText(4000),
  })
  .strict();
export type CalendarEventCreate = z.infer<typeof calendarEventCreateSchema>;

export interface CalendarEventDto {
  id: string;
  kind: CalendarEventKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  location: string | null;
  bill: { id: string; identifier: string } | null;
  notes: string | null;
  isPast: boolean;
}
