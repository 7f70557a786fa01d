import { positionConflict } from '@coalesce/domain';
import type { ActionActor } from '@coalesce/domain';
import type { BillActionDto, BillDto, BillPositionDto, BillSummaryDto } from '@coalesce/protocol';
import type { BillActionRow, BillRow, PositionRow } from './bill-row.js';

export function positionDto(p: PositionRow): BillPositionDto {
  return {
    organizationId: p.organization_id,
    organizationName: p.organization_name,
    stance: p.stance,
    rationale: p.rationale,
    decidedBy: p.decided_by,
    decidedAt: p.decided_at,
    updatedAt: new Date(p.updated_at).toISOString(),
  };
}

export function actionDto(a: BillActionRow): BillActionDto {
  return {
    id: a.id,
    seq: Number(a.seq),
    date: a.date,
    actor: a.actor as ActionActor | null,
    actorName: a.actor_name,
    text: a.text,
    classifications: a.classifications,
    createdAt: new Date(a.created_at).toISOString(),
  };
}

export function billSummaryDto(
  b: BillRow,
  positions: PositionRow[],
  lastAction: BillActionRow | undefined,
  following: boolean,
): BillSummaryDto {
  const mine = positions.filter((p) => p.bill_id === b.id);
  return {
    id: b.id,
    coalitionId: b.coalition_id,
    jurisdiction: b.jurisdiction,
    session: b.session,
    identifier: b.identifier,
    type: b.type,
    originChamber: b.origin_chamber,
    title: b.title,
    subjects: b.subjects,
    stage: b.stage,
    stageDates: b.stage_dates,
    lastActionDate: b.last_action_date,
    lastActionText: lastAction?.text ?? null,
    watched: b.watched,
    priority: b.priority,
    tags: b.tags,
    leadOrg: b.lead_org_id ? { id: b.lead_org_id, name: b.lead_org_name ?? '' } : null,
    following,
    positions: mine.map(positionDto),
    hasConflict:
      positionConflict(
        mine.map((p) => ({ organizationId: p.organization_id, stance: p.stance })),
      ) !== null,
    updatedAt: new Date(b.updated_at).toISOString(),
  };
}

export function billDetailFields(
  b: BillRow,
): Omit<BillDto, keyof BillSummaryDto | 'actions' | 'documents' | 'meetings' | 'calendarEvents'> {
  return {
    shortTitles: b.short_titles,
    introducedAt: b.introduced_at,
    sessionEnded: b.session_ended,
    sessionEndDate: b.session_end_date,
    externalIds: b.external_ids,
    sources: b.sources,
    sponsorships: b.sponsorships,
    versions: b.versions,
    votes: b.votes,
  };
}
