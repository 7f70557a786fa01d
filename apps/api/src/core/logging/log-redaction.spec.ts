import { describe, expect, it } from '@jest/globals';
import { QueryFailedError } from 'typeorm';
import { REDACTED, safeError, safeUrl, scrubMessage } from './log-redaction.js';

describe('log redaction', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(safeUrl('/api/v1/invites/organization?token=secret-token&x=1')).toBe(
      `/api/v1/invites/organization?token=${REDACTED}&x=${REDACTED}`,
    );
    expect(safeUrl('/api/v1/me')).toBe('/api/v1/me');
    expect(safeUrl(undefined)).toBeUndefined();
  });

  it('drops the values PostgreSQL quotes in its messages', () => {
    expect(scrubMessage('invalid input syntax for type uuid: "private-note"')).toBe(
      `invalid input syntax for type uuid: "${REDACTED}"`,
    );
    expect(scrubMessage('Key (email)=(someone@example.org) already exists.')).toBe(
      `Key (email)=(${REDACTED}) already exists.`,
    );
    expect(scrubMessage('relation "users" does not exist')).toBe('relation "users" does not exist');
  });

  it('logs an error as class, code, message and stack: never its parameters or raw body', () => {
    const driverError = Object.assign(new Error('value too long for type character varying(5)'), {
      code: '22001',
      detail: 'Failing row contains (private-note).',
    });
    const query = new QueryFailedError(
      'INSERT INTO tasks (title) VALUES ($1)',
      ['private-note'],
      driverError,
    );
    const logged = JSON.stringify(safeError(query));
    expect(logged).not.toContain('private-note');
    expect(JSON.parse(logged)).toMatchObject({
      type: 'QueryFailedError',
      code: '22001',
      message: 'value too long for type character varying(5)',
    });

    const parse = Object.assign(new SyntaxError('Unexpected token p in JSON'), {
      body: '{"password": "private-note"',
      type: 'entity.parse.failed',
    });
    expect(JSON.stringify(safeError(parse))).not.toContain('private-note');

    const wrapped = new Error('outer', { cause: query });
    expect(JSON.stringify(safeError(wrapped))).not.toContain('private-note');
    expect(safeError('plain text')).toBe('plain text');
  });
});
