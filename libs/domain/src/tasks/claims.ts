/** What can be claimed: a task, or a lobbying target (an office, a bill, a case-map node). */
export const CLAIM_TARGET_KINDS = ['task', 'office', 'bill', 'case-node'] as const;
export type ClaimTargetKind = (typeof CLAIM_TARGET_KINDS)[number];

export const DEFAULT_CLAIM_DAYS = 14;
export const MAX_CLAIM_DAYS = 90;
/** The claimant is warned this long before a claim runs out. */
export const CLAIM_WARNING_MS = 24 * 60 * 60 * 1000;

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a claim made at `now` for `days` runs out. */
export function claimExpiry(now: Date, days: number = DEFAULT_CLAIM_DAYS): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function isClaimExpired(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** A live claim that runs out within the warning window and whose claimant was not told yet. */
export function needsExpiryWarning(
  claim: { expiresAt: Date; warnedAt: Date | null },
  now: Date,
): boolean {
  if (claim.warnedAt || isClaimExpired(claim.expiresAt, now)) return false;
  return claim.expiresAt.getTime() - now.getTime() <= CLAIM_WARNING_MS;
}

/**
 * Target keys are normalized so that "Office of Sen. Smith " and "office of sen. smith" are the same
 * target: trimmed, inner whitespace collapsed, lower case.
 */
export function normalizeClaimKey(key: string): string {
  return key.trim().replace(/\s+/g, ' ').toLowerCase();
}
