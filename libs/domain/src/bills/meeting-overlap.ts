export const DEFAULT_OVERLAP_WINDOW_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A comparable key for a legislator's office: lower case, punctuation and filler words removed, so
 * "Office of Sen. Jane Doe" and "sen jane doe office" match.
 */
export function officeKey(office: string): string {
  return office
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter(
      (w) =>
        w && !['office', 'of', 'the', 'rep', 'sen', 'senator', 'representative', 'hon'].includes(w),
    )
    .join(' ');
}

export interface OverlapMeeting {
  id: string | null;
  office: string;
  startsAt: string;
  organizationIds: readonly string[];
}

export interface MeetingOverlap<M extends OverlapMeeting> {
  meeting: M;
  /** Organizations of the other meeting that are not among the candidate's. */
  otherOrganizationIds: string[];
  daysApart: number;
}

/**
 * Meetings of other member organizations with the same office within `windowDays` (before or
 * after) of the candidate. A meeting counts when at least one of its organizations does not attend
 * the candidate meeting; the candidate itself (same id) never counts.
 */
export function findMeetingOverlaps<M extends OverlapMeeting>(
  candidate: OverlapMeeting,
  others: readonly M[],
  windowDays = DEFAULT_OVERLAP_WINDOW_DAYS,
): Array<MeetingOverlap<M>> {
  const key = officeKey(candidate.office);
  const at = Date.parse(candidate.startsAt);
  const mine = new Set(candidate.organizationIds);
  const result: Array<MeetingOverlap<M>> = [];
  for (const meeting of others) {
    if (candidate.id && meeting.id === candidate.id) continue;
    if (!key || officeKey(meeting.office) !== key) continue;
    const daysApart = Math.abs(Date.parse(meeting.startsAt) - at) / DAY_MS;
    if (daysApart > windowDays) continue;
    const otherOrganizationIds = meeting.organizationIds.filter((o) => !mine.has(o));
    if (!otherOrganizationIds.length) continue;
    result.push({ meeting, otherOrganizationIds, daysApart: Math.round(daysApart * 10) / 10 });
  }
  return result.sort((a, b) => a.daysApart - b.daysApart);
}
