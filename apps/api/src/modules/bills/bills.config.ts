/** Settings of the bill tracker: name, default and description (listed in the README). */
export const BILLS_CONFIG_SPEC = {
  MEETING_OVERLAP_DAYS: {
    default: 7,
    description:
      'Two member organizations meeting the same office within this many days (before or after) raise an overlap alert.',
  },
} as const;

export interface BillsConfig {
  overlapWindowDays: number;
}

export function loadBillsConfig(
  env: Record<string, string | undefined> = process.env,
): BillsConfig {
  const raw = env.MEETING_OVERLAP_DAYS;
  if (raw === undefined || raw === '')
    return { overlapWindowDays: BILLS_CONFIG_SPEC.MEETING_OVERLAP_DAYS.default };
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 365)
    throw new Error(
      'Invalid configuration:\n  MEETING_OVERLAP_DAYS: must be a number of days from 0 to 365',
    );
  return { overlapWindowDays: value };
}

export const BILLS_CONFIG = Symbol('BILLS_CONFIG');
