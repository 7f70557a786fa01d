import { BILL_PROGRESS_STAGES } from './bill-vocabulary.js';
import type { ActionActor, BillStage, Chamber } from './bill-vocabulary.js';

/** The parts of an action the stage derivation looks at. */
export interface StageAction {
  /** ISO date (YYYY-MM-DD) or date-time; compared as text, so keep one format per bill. */
  date: string;
  actor: ActionActor | null;
  /** Open States classifications; unknown ones are ignored (kept as text elsewhere). */
  classifications: readonly string[];
}

export interface StageContext {
  originChamber: Chamber;
  /** The session ended (the bill dies unless it already reached an outcome). */
  sessionEnded?: boolean;
  /** When the session ended; the date of "dead" (otherwise the last action's date). */
  sessionEndDate?: string | null;
}

export interface DerivedStage {
  stage: BillStage;
  /** When each reached stage was first reached; skipped stages have no date. */
  stageDates: Partial<Record<BillStage, string>>;
  lastActionDate: string | null;
}

const RANK = new Map<BillStage, number>(BILL_PROGRESS_STAGES.map((s, i) => [s, i]));
const FINAL: ReadonlySet<BillStage> = new Set(['enacted', 'vetoed', 'failed', 'dead']);

/**
 * Derives a bill's stage from its actions (sorted by date; same-day actions keep their order).
 * The stage never moves backwards: a later referral cannot undo a passage. Outcomes are final,
 * except that a veto overridden in every chamber (or a became-law action) enacts the bill.
 * Unicameral legislatures go from passed-origin straight to the executive.
 */
export function deriveBillStage(actions: readonly StageAction[], ctx: StageContext): DerivedStage {
  const unicameral = ctx.originChamber === 'legislature';
  const sorted = actions
    .map((a, i) => ({ a, i }))
    .sort((x, y) => (x.a.date < y.a.date ? -1 : x.a.date > y.a.date ? 1 : x.i - y.i))
    .map((x) => x.a);
  let stage = 'introduced' as BillStage;
  const stageDates: Partial<Record<BillStage, string>> = {};
  const passed = new Set<ActionActor | null>();
  const overrides = new Set<ActionActor | null>();

  const reach = (next: BillStage, date: string) => {
    stage = next;
    stageDates[next] ??= date;
  };
  const advance = (next: BillStage, date: string) => {
    if (FINAL.has(stage)) return;
    if ((RANK.get(next) ?? -1) > (RANK.get(stage) ?? -1)) reach(next, date);
  };
  const end = (outcome: 'failed' | 'dead' | 'vetoed', date: string) => {
    if (!FINAL.has(stage)) reach(outcome, date);
  };

  if (sorted.length) stageDates.introduced = sorted[0].date;
  for (const action of sorted) {
    const { date, actor } = action;
    const has = (c: string) => action.classifications.includes(c);
    const inSecond =
      !unicameral && actor !== null && actor !== 'executive' && actor !== ctx.originChamber;

    // Any action of the other chamber after the origin passed it (received, read, referred).
    if (inSecond && stage === 'passed-origin') advance('in-second-chamber', date);
    if (has('referral-committee') || has('reading-2')) {
      advance(inSecond ? 'in-second-chamber' : 'in-committee', date);
    }
    if (
      has('committee-passage') ||
      has('committee-passage-favorable') ||
      has('committee-passage-unfavorable')
    ) {
      advance(inSecond ? 'in-second-chamber' : 'reported', date);
    }
    if (has('passage')) {
      passed.add(actor);
      if (unicameral) advance('passed-origin', date);
      else if (inSecond || (passed.has('lower') && passed.has('upper')))
        advance('passed-both', date);
      else if (actor === null && stage === 'passed-origin') advance('passed-both', date);
      else advance('passed-origin', date);
    }
    if (has('executive-receipt') || has('enrolled')) {
      if (unicameral || has('executive-receipt')) advance('with-executive', date);
      else advance('passed-both', date);
    }
    if (has('executive-signature') || has('became-law')) {
      if (stage === 'vetoed' && has('became-law')) reach('enacted', date);
      else advance('enacted', date);
    }
    if (has('veto-override-passage') && stage === 'vetoed') {
      overrides.add(actor);
      if (unicameral || (overrides.has('lower') && overrides.has('upper'))) reach('enacted', date);
    }
    if (has('executive-veto')) end('vetoed', date);
    if (has('failure') || has('committee-failure')) end('failed', date);
    if (has('withdrawal')) end('dead', date);
  }

  const lastActionDate = sorted.length ? sorted[sorted.length - 1].date : null;
  if (ctx.sessionEnded && !FINAL.has(stage)) {
    reach('dead', ctx.sessionEndDate ?? lastActionDate ?? '');
  }
  return { stage, stageDates, lastActionDate };
}
