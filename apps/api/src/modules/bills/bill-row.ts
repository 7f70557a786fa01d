import type { BillStage, BillType, Chamber, PositionStance, WatchPriority } from '@coalesce/domain';
import type { BillCreate, ExternalIds } from '@coalesce/protocol';

/** A row of `bills` as the pg driver returns it (dates as YYYY-MM-DD text, see toDateText). */
export interface BillRow {
  id: string;
  coalition_id: string;
  jurisdiction: string;
  session: string;
  identifier: string;
  type: BillType;
  origin_chamber: Chamber;
  title: string;
  short_titles: string[];
  subjects: string[];
  introduced_at: string | null;
  session_ended: boolean;
  session_end_date: string | null;
  external_ids: ExternalIds;
  sources: BillCreate['sources'];
  sponsorships: BillCreate['sponsorships'];
  versions: BillCreate['versions'];
  votes: BillCreate['votes'];
  stage: BillStage;
  stage_dates: Partial<Record<BillStage, string>>;
  last_action_date: string | null;
  watched: boolean;
  priority: WatchPriority | null;
  tags: string[];
  lead_org_id: string | null;
  lead_org_name: string | null;
  updated_at: Date;
}

export interface BillActionRow {
  id: string;
  bill_id: string;
  seq: number;
  date: string;
  actor: string | null;
  actor_name: string | null;
  text: string;
  classifications: string[];
  created_at: Date;
}

export interface PositionRow {
  bill_id: string;
  organization_id: string;
  organization_name: string;
  stance: PositionStance;
  rationale: string | null;
  decided_by: string | null;
  decided_at: string | null;
  updated_at: Date;
}

/** SQL that selects a bill with its lead org's name and dates as text. */
export const BILL_SELECT = `
  SELECT b.id, b.coalition_id, b.jurisdiction, b.session, b.identifier, b.type, b.origin_chamber,
         b.title, b.short_titles, b.subjects, to_char(b.introduced_at, 'YYYY-MM-DD') AS introduced_at,
         b.session_ended, to_char(b.session_end_date, 'YYYY-MM-DD') AS session_end_date,
         b.external_ids, b.sources, b.sponsorships, b.versions, b.votes, b.stage, b.stage_dates,
         to_char(b.last_action_date, 'YYYY-MM-DD') AS last_action_date, b.watched, b.priority, b.tags,
         b.lead_org_id, lo.name AS lead_org_name, b.updated_at
    FROM bills b LEFT JOIN organizations lo ON lo.id = b.lead_org_id`;

export const ACTION_SELECT = `
  SELECT id, bill_id, seq, to_char(date, 'YYYY-MM-DD') AS date, actor, actor_name, text,
         classifications, created_at
    FROM bill_actions`;

export const POSITION_SELECT = `
  SELECT p.bill_id, p.organization_id, o.name AS organization_name, p.stance, p.rationale,
         p.decided_by, to_char(p.decided_at, 'YYYY-MM-DD') AS decided_at, p.updated_at
    FROM bill_positions p JOIN organizations o ON o.id = p.organization_id`;
