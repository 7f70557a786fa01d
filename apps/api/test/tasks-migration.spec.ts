import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MIGRATIONS } from '../src/core/database/migrations/index.js';
import { TasksClaims1765000000000 } from '../src/core/database/migrations/1765000000000-tasks-claims.js';
import { startTestApp } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
}, 120_000);
afterAll(async () => {
  await t?.close();
});

const tables = async () =>
  (
    (await t.db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    )) as Array<{ table_name: string }>
  ).map((r) => r.table_name);

describe('the tasks migration', () => {
  it('goes down and up again cleanly', async () => {
    expect(await tables()).toEqual(
      expect.arrayContaining(['tasks', 'claims', 'notification_preferences']),
    );
    // Migrations added after it are undone first (they go down cleanly too).
    const later = MIGRATIONS.length - 1 - MIGRATIONS.indexOf(TasksClaims1765000000000);
    for (let i = 0; i <= later; i++) await t.db.undoLastMigration({ transaction: 'each' });
    const after = await tables();
    for (const table of [
      'tasks',
      'task_links',
      'task_relations',
      'task_comments',
      'task_followers',
      'claims',
      'coordination_activity',
      'notification_preferences',
    ])
      expect(after).not.toContain(table);
    expect(after).toContain('notifications');
    await t.db.runMigrations({ transaction: 'each' });
    expect(await tables()).toEqual(expect.arrayContaining(['tasks', 'claims']));
  });
});
