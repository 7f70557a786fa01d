/**
 * Rows of an `UPDATE … RETURNING` run through `query()`: the pg driver gives `[rows, count]`,
 * a SELECT gives the rows themselves.
 */
export function returningRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]))
    return result[0] as T[];
  return (Array.isArray(result) ? result : []) as T[];
}
