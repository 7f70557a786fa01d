import { expect } from '@jest/globals';
import type { ErrorBody, ErrorCode } from '@coalesce/protocol';
import type { ApiResponse } from './api-client.js';

/** Asserts an error answer: status and code together, so a failure shows both (and the message). */
export function expectError(res: ApiResponse<unknown>, status: number, code: ErrorCode): ErrorBody {
  const body = res.body as Partial<ErrorBody> | null;
  expect({ status: res.status, code: body?.error?.code }).toEqual({ status, code });
  return res.body as ErrorBody;
}

/** Asserts a success status, showing the error body when it is not. */
export function expectStatus<T>(res: ApiResponse<T>, status: number): T {
  if (res.status !== status) {
    throw new Error(`Expected status ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/**
 * A fingerprint of every row of every table, to prove that a refused request changed nothing.
 * One query, so it is cheap enough to take around each request.
 */
export async function databaseFingerprint(db: {
  query: (sql: string, params?: unknown[]) => Promise<unknown>;
}): Promise<Record<string, string>> {
  const tables = (await db.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )) as Array<{ table_name: string }>;
  const columns = tables
    .map(
      ({ table_name: name }) =>
        `(SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM "${name}" t) AS "${name}"`,
    )
    .join(', ');
  const rows = (await db.query(`SELECT ${columns}`)) as Array<Record<string, string>>;
  return rows[0];
}
