/** Fixed vocabulary of organization focus areas (the "4 Ps" plus the coalition's fields of work). */
export const FOCUS_AREAS = [
  'prevention',
  'protection',
  'prosecution',
  'partnership',
  'labor-rights',
  'migration',
  'criminal-justice',
  'policy-advocacy',
  'research',
  'survivor-services',
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const FOCUS_AREA_LABELS: Record<FocusArea, string> = {
  prevention: 'Prevention',
  protection: 'Protection',
  prosecution: 'Prosecution',
  partnership: 'Partnership',
  'labor-rights': 'Labor rights',
  migration: 'Migration',
  'criminal-justice': 'Criminal justice',
  'policy-advocacy': 'Policy / advocacy',
  research: 'Research',
  'survivor-services': 'Survivor services',
};
