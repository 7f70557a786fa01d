import { describe, expect, it } from '@jest/globals';
import { isTransientDatabaseError, uniqueViolation } from './database-errors.js';

describe('database errors', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }],
    [{ driverError: { code: '57P01' } }],
    [{ driverError: { code: '08006' } }],
    [new Error('Connection terminated unexpectedly')],
  ])('treats %j as transient', (error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([[{ driverError: { code: '23505' } }], [new Error('syntax error')], [null]])(
    'does not treat %j as transient',
    (error) => {
      expect(isTransientDatabaseError(error)).toBe(false);
    },
  );

  it('names the unique constraint that was violated', () => {
    expect(
      uniqueViolation({ driverError: { code: '23505', constraint: 'users_email_key' } }),
    ).toMatch(/email/);
    expect(uniqueViolation({ code: '22P02' })).toBeNull();
  });
});
