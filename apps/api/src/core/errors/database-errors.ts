/** A message for a PostgreSQL unique violation (23505), or null when the error is something else. */
export function uniqueViolation(error: unknown): string | null {
  const driverError =
    (error as { driverError?: { code?: string; constraint?: string } })?.driverError ??
    (error as { code?: string; constraint?: string });
  if (driverError?.code !== '23505') return null;
  const constraint = driverError.constraint ?? '';
  if (constraint.includes('email')) return 'An account with this email already exists.';
  if (constraint.includes('slug')) return 'This short name (slug) is already taken.';
  if (constraint.includes('name')) return 'This name is already taken.';
  return 'This already exists.';
}

const TRANSIENT_SQLSTATE = /^(08|57P0|53)/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE']);
const TRANSIENT_MESSAGES =
  /Connection terminated|query runner was already released|Connection ended|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * True when the database is unreachable or restarting (not a bug, not bad input): callers answer
 * UNAVAILABLE (503) so clients retry, instead of INTERNAL.
 */
export function isTransientDatabaseError(error: unknown): boolean {
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: { code?: unknown; message?: unknown };
  } | null;
  if (!e) return false;
  for (const candidate of [e, e.driverError]) {
    if (!candidate) continue;
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code)) return true;
    if (typeof candidate.message === 'string' && TRANSIENT_MESSAGES.test(candidate.message))
      return true;
  }
  return false;
}
