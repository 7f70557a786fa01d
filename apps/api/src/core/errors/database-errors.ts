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
