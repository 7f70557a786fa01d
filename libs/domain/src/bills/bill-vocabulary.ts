/** Open States / Open Civic Data vocabulary for bills, as this product uses it. */

export const BILL_TYPES = [
  'bill',
  'resolution',
  'joint resolution',
  'concurrent resolution',
] as const;
export type BillType = (typeof BILL_TYPES)[number];

/** Chambers in Open States terms: lower (e.g. House), upper (e.g. Senate), or the one chamber of a unicameral legislature. */
export const CHAMBERS = ['lower', 'upper', 'legislature'] as const;
export type Chamber = (typeof CHAMBERS)[number];

/** Who took an action: a chamber (or one of its committees), the executive, or unknown. */
export const ACTION_ACTORS = ['lower', 'upper', 'legislature', 'executive'] as const;
export type ActionActor = (typeof ACTION_ACTORS)[number];

/** Action classifications the stage derivation understands; anything else is kept as text. */
export const KNOWN_ACTION_CLASSIFICATIONS = [
  'filing',
  'introduction',
  'reading-1',
  'reading-2',
  'reading-3',
  'referral-committee',
  'committee-passage',
  'committee-passage-favorable',
  'committee-passage-unfavorable',
  'committee-failure',
  'passage',
  'failure',
  'withdrawal',
  'amendment-introduction',
  'amendment-passage',
  'amendment-failure',
  'concurrence',
  'executive-receipt',
  'executive-signature',
  'executive-veto',
  'executive-veto-line-item',
  'veto-override-passage',
  'veto-override-failure',
  'became-law',
  'enrolled',
] as const;
export type KnownActionClassification = (typeof KNOWN_ACTION_CLASSIFICATIONS)[number];

/** Progress stages in order; the three terminal outcomes follow. */
export const BILL_PROGRESS_STAGES = [
  'introduced',
  'in-committee',
  'reported',
  'passed-origin',
  'in-second-chamber',
  'passed-both',
  'with-executive',
  'enacted',
] as const;
export const BILL_TERMINAL_STAGES = ['vetoed', 'failed', 'dead'] as const;
export const BILL_STAGES = [...BILL_PROGRESS_STAGES, ...BILL_TERMINAL_STAGES] as const;
export type BillStage = (typeof BILL_STAGES)[number];

export const BILL_STAGE_LABELS: Record<BillStage, string> = {
  introduced: 'Introduced',
  'in-committee': 'In committee',
  reported: 'Reported',
  'passed-origin': 'Passed origin chamber',
  'in-second-chamber': 'In second chamber',
  'passed-both': 'Passed both chambers',
  'with-executive': 'With executive',
  enacted: 'Enacted',
  vetoed: 'Vetoed',
  failed: 'Failed',
  dead: 'Dead',
};

/** The progress stages a legislature goes through (a unicameral one has no second chamber). */
export function progressStagesFor(unicameral: boolean): BillStage[] {
  return unicameral
    ? BILL_PROGRESS_STAGES.filter((s) => s !== 'in-second-chamber' && s !== 'passed-both')
    : [...BILL_PROGRESS_STAGES];
}

export const POSITION_STANCES = [
  'support',
  'oppose',
  'support-if-amended',
  'monitor',
  'no-position',
] as const;
export type PositionStance = (typeof POSITION_STANCES)[number];

export const POSITION_LABELS: Record<PositionStance, string> = {
  support: 'Support',
  oppose: 'Oppose',
  'support-if-amended': 'Support if amended',
  monitor: 'Monitor',
  'no-position': 'No position',
};

export const WATCH_PRIORITIES = ['high', 'medium', 'low'] as const;
export type WatchPriority = (typeof WATCH_PRIORITIES)[number];

export const CALENDAR_EVENT_KINDS = [
  'hearing',
  'markup',
  'floor-vote',
  'deadline',
  'other',
] as const;
export type CalendarEventKind = (typeof CALENDAR_EVENT_KINDS)[number];
