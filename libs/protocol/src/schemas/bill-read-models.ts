import type { z } from 'zod';
import type {
  ActionActor,
  BillStage,
  BillType,
  Chamber,
  PositionStance,
  WatchPriority,
} from '@coalesce/domain';
import type {
  CalendarEventDto,
  MeetingDto,
  MeetingOverlapDto,
  ExternalIds,
  SponsorshipInput,
  billVersionSchema,
  voteEventSchema,
} from './bills.js';

/** Read models of the bill tracker: what the bill, position and alert routes answer. */
export interface BillActionDto {
  id: string;
  seq: number;
  date: string;
  actor: ActionActor | null;
  actorName: string | null;
  text: string;
  classifications: string[];
  createdAt: string;
}

export interface BillPositionDto {
  organizationId: string;
  organizationName: string;
  stance: PositionStance;
  rationale: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

export interface BillSummaryDto {
  id: string;
  coalitionId: string;
  jurisdiction: string;
  session: string;
  identifier: string;
  type: BillType;
  originChamber: Chamber;
  title: string;
  subjects: string[];
  stage: BillStage;
  stageDates: Partial<Record<BillStage, string>>;
  lastActionDate: string | null;
  lastActionText: string | null;
  watched: boolean;
  priority: WatchPriority | null;
  tags: string[];
  leadOrg: { id: string; name: string } | null;
  /** The caller follows the bill (gets alerts). */
  following: boolean;
  positions: BillPositionDto[];
  hasConflict: boolean;
  updatedAt: string;
}

export interface BillDto extends BillSummaryDto {
  shortTitles: string[];
  introducedAt: string | null;
  sessionEnded: boolean;
  sessionEndDate: string | null;
  externalIds: ExternalIds;
  sources: Array<{ url: string; note?: string | null }>;
  sponsorships: SponsorshipInput[];
  versions: Array<z.infer<typeof billVersionSchema>>;
  votes: Array<z.infer<typeof voteEventSchema>>;
  actions: BillActionDto[];
  /** Linked documents the caller may see. */
  documents: Array<{ id: string; title: string; kind: string }>;
  meetings: MeetingDto[];
  calendarEvents: CalendarEventDto[];
}

export interface PositionsMatrixDto {
  organizations: Array<{ id: string; name: string; role: string }>;
  rows: Array<{
    bill: { id: string; identifier: string; title: string; stage: BillStage };
    positions: Record<string, BillPositionDto>;
    conflict: { supporting: string[]; opposing: string[] } | null;
  }>;
}

/** GET /coalitions/:id/coordination-alerts: overlaps and conflicts for the dashboard. */
export interface CoordinationAlertsDto {
  overlaps: Array<{
    meeting: { id: string; office: string; startsAt: string };
    organization: { id: string; name: string };
    with: MeetingOverlapDto[];
  }>;
  conflicts: Array<{
    bill: { id: string; identifier: string; title: string };
    supporting: Array<{ id: string; name: string }>;
    opposing: Array<{ id: string; name: string }>;
  }>;
}
