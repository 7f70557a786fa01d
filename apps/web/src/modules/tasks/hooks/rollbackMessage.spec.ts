import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../../lib/ApiError';
import { rollbackMessage } from './rollbackMessage';

const task = { title: 'Draft the letter' };

describe('rollbackMessage', () => {
  it('names the statuses the workflow allows', () => {
    const error = ApiError.fromBody(409, {
      error: {
        code: 'CONFLICT',
        message: 'A task cannot move from Backlog to Done.',
        details: { allowed: ['todo', 'in_progress', 'cancelled'] },
      },
    });
    expect(rollbackMessage(error, task)).toBe(
      'A task cannot move from Backlog to Done. From here it can go to: To do, In progress, Cancelled.',
    );
  });

  it('explains a stale version', () => {
    const error = ApiError.fromBody(409, {
      error: { code: 'CONFLICT', message: 'stale', details: { task: { id: 'x' } } },
    });
    expect(rollbackMessage(error, task)).toMatch(/Someone else changed this task first/);
  });

  it('falls back to the server message, or names the task', () => {
    const forbidden = ApiError.fromBody(403, { error: { code: 'FORBIDDEN', message: 'No.' } });
    expect(rollbackMessage(forbidden, task)).toBe('No.');
    expect(rollbackMessage(new Error('boom'), task)).toBe('“Draft the letter” could not be saved.');
  });
});
