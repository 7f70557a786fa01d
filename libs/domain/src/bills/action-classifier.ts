import type { ActionActor } from './bill-vocabulary.js';

const RULES: Array<[RegExp, string]> = [
  [/\bintroduced\b/i, 'introduction'],
  [/\b(read twice and )?referred to\b/i, 'referral-committee'],
  [/\b(ordered to be reported|reported (by|favorably|with|without))/i, 'committee-passage'],
  [
    /\bover (the )?(president's )?veto\b.*\b(agreed|passed)\b|\bpassed .*over veto\b/i,
    'veto-override-passage',
  ],
  [/\bfailed of passage .*over veto\b|\bveto (was )?sustained\b/i, 'veto-override-failure'],
  [/\bpresented to (the )?president\b/i, 'executive-receipt'],
  [/\bsigned by (the )?president\b/i, 'executive-signature'],
  [/\bvetoed by (the )?president\b/i, 'executive-veto'],
  [/\bbecame (public|private) law\b|\bbecame law\b/i, 'became-law'],
];

/**
 * Guesses Open States classifications from the text of an action, for sources that give only text
 * (congress.gov's own codes are not a complete list). Returns [] when nothing is recognized; the
 * text is kept either way.
 */
export function classifyActionText(text: string): string[] {
  const found = new Set<string>();
  for (const [pattern, classification] of RULES) if (pattern.test(text)) found.add(classification);
  const overVeto = found.has('veto-override-passage') || found.has('veto-override-failure');
  if (!overVeto) {
    if (/\bresolving differences\b|\bagreed to (the )?(senate|house) amendment\b/i.test(text)) {
      found.add('concurrence');
    } else if (/\bfailed of passage\b|\bfailed to pass\b/i.test(text)) {
      found.add('failure');
    } else if (
      /\bpassed\/agreed to in\b|\bon passage\b.*\b(agreed|passed)\b|\bpassed (the )?(house|senate)\b/i.test(
        text,
      )
    ) {
      found.add('passage');
    }
  }
  return [...found];
}

/** Guesses who acted from congress.gov-style text ("Passed Senate", "Signed by President"). */
export function actorFromText(text: string): ActionActor | null {
  if (/\bpresident\b/i.test(text) && !/\bpresented to\b/i.test(text)) return 'executive';
  if (/\bsenate\b/i.test(text)) return 'upper';
  if (/\bhouse\b/i.test(text)) return 'lower';
  return null;
}
