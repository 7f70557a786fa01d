import {
  allowedTaskTransitions,
  canTransitionTask,
  claimExpiry,
  isTaskOverdue,
  needsExpiryWarning,
  normalizeClaimKey,
  taskStatusGroup,
  titleSimilarity,
  TASK_STATUSES,
} from '../index.js';

describe('task status machine', () => {
  it('lets work move forward and be blocked, unblocked, cancelled and reopened', () => {
    expect(canTransitionTask('backlog', 'todo')).toBe(true);
    expect(canTransitionTask('todo', 'in_progress')).toBe(true);
    expect(canTransitionTask('in_progress', 'blocked')).toBe(true);
    expect(canTransitionTask('blocked', 'in_progress')).toBe(true);
    expect(canTransitionTask('in_progress', 'done')).toBe(true);
    expect(canTransitionTask('done', 'todo')).toBe(true);
    expect(canTransitionTask('cancelled', 'backlog')).toBe(true);
  });

  it('refuses skipping the work or leaving a closed task sideways', () => {
    expect(canTransitionTask('backlog', 'done')).toBe(false);
    expect(canTransitionTask('backlog', 'blocked')).toBe(false);
    expect(canTransitionTask('done', 'cancelled')).toBe(false);
    expect(canTransitionTask('cancelled', 'done')).toBe(false);
    expect(allowedTaskTransitions('backlog')).toEqual(['todo', 'in_progress', 'cancelled']);
  });

  it('treats staying put as allowed and every open status as reachable from somewhere', () => {
    for (const s of TASK_STATUSES) expect(canTransitionTask(s, s)).toBe(true);
    for (const s of TASK_STATUSES) {
      const reachable = TASK_STATUSES.some((from) => from !== s && canTransitionTask(from, s));
      expect(reachable).toBe(true);
    }
    expect(taskStatusGroup('done')).toBe('closed');
    expect(taskStatusGroup('blocked')).toBe('open');
  });
});

describe('claims', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('expire after 14 days by default and warn within the last day only once', () => {
    expect(claimExpiry(now).toISOString()).toBe('2026-03-15T12:00:00.000Z');
    const soon = new Date('2026-03-02T11:00:00Z');
    expect(needsExpiryWarning({ expiresAt: soon, warnedAt: null }, now)).toBe(true);
    expect(needsExpiryWarning({ expiresAt: soon, warnedAt: now }, now)).toBe(false);
    expect(needsExpiryWarning({ expiresAt: claimExpiry(now), warnedAt: null }, now)).toBe(false);
    expect(needsExpiryWarning({ expiresAt: now, warnedAt: null }, now)).toBe(false);
  });
  it('normalize target keys', () => {
    expect(normalizeClaimKey('  Office of  Sen. Smith ')).toBe('office of sen. smith');
  });
});

describe('title similarity (fallback without pg_trgm)', () => {
  it('scores shared significant words', () => {
    expect(
      titleSimilarity(
        'Meet Senator Smith staff on S. 3946',
        'Meeting with Senator Smith staff about S 3946',
      ),
    ).toBeGreaterThan(0.35);
    expect(titleSimilarity('Draft the sign-on letter', 'Book the hearing room')).toBe(0);
    expect(titleSimilarity('', 'x')).toBe(0);
  });
});

describe('overdue', () => {
  it('is open with a due date before today', () => {
    expect(isTaskOverdue('2026-01-01', true, '2026-01-02')).toBe(true);
    expect(isTaskOverdue('2026-01-02', true, '2026-01-02')).toBe(false);
    expect(isTaskOverdue('2026-01-01', false, '2026-01-02')).toBe(false);
    expect(isTaskOverdue(null, true, '2026-01-02')).toBe(false);
  });
});
