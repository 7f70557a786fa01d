/** Exponential backoff with full jitter between `baseMs` and the capped delay. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number): number {
  const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(capped / 2 + (Math.random() * capped) / 2);
}
