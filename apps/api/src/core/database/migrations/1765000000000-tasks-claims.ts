import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tasks (with links, relations, comments, followers and an activity history), claims on tasks and
 * lobbying targets, per-user notification preferences, and task notifications. pg_trgm powers
 * duplicate detection where the server has it; without it the app falls back to word overlap.
 */
/** Kinds of the other features (documents, bill tracker) at the time of this migration. */
const OTHER_KINDS = [
  'mention',
  'reply',
  'bill-stage',
  'bill-action',
  'bill-position',
  'bill-meeting',
  'bill-conflict',
  'meeting-overlap',
] as const;
const TASK_KINDS = [
  'assigned',
  'task-mention',
  'due-soon',
  'claim-expiring',
  'status-change',
  'task-merged',
] as const;

export class TasksClaims1765000000000 implements MigrationInterface {
  name = 'TasksClaims1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$ BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available; duplicate detection uses word overlap';
      END $$`);
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        status varchar(12) NOT NULL DEFAULT 'todo'
          CHECK (status IN ('backlog', 'todo', 'in_progress', 'blocked', 'done', 'cancelled')),
        priority varchar(8) NOT NULL DEFAULT 'none'
          CHECK (priority IN ('none', 'low', 'medium', 'high', 'urgent')),
        labels text[] NOT NULL DEFAULT '{}',
        assignee_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        assignee_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        working_group_id uuid REFERENCES working_groups(id) ON DELETE SET NULL,
        due_date date,
        due_reminded_at timestamptz,
        duplicate_of_id uuid REFERENCES tasks(id) ON DELETE SET NULL,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_by_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX tasks_coalition_idx ON tasks (coalition_id, status)`);
    await q.query(`CREATE INDEX tasks_assignee_org_idx ON tasks (assignee_org_id)`);
    await q.query(`CREATE INDEX tasks_parent_idx ON tasks (parent_id)`);
    await q.query(`
      CREATE TABLE task_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('bill', 'document', 'case-node', 'url')),
        ref varchar(500) NOT NULL,
        title varchar(200) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (task_id, kind, ref)
      )`);
    await q.query(`CREATE INDEX task_links_ref_idx ON task_links (kind, ref)`);
    await q.query(`
      CREATE TABLE task_relations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        from_task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        to_task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('blocks', 'duplicate_of', 'related')),
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        CHECK (from_task_id <> to_task_id),
        UNIQUE (from_task_id, to_task_id, kind)
      )`);
    await q.query(`CREATE INDEX task_relations_to_idx ON task_relations (to_task_id)`);
    await q.query(`
      CREATE TABLE task_comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        body text NOT NULL,
        mentions jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX task_comments_task_idx ON task_comments (task_id, created_at)`);
    await q.query(`
      CREATE TABLE task_followers (
        task_id uuid NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        PRIMARY KEY (task_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        target_kind varchar(10) NOT NULL CHECK (target_kind IN ('task', 'office', 'bill', 'case-node')),
        target_key varchar(300) NOT NULL,
        target_label varchar(200) NOT NULL DEFAULT '',
        task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        note varchar(1000) NOT NULL DEFAULT '',
        expires_at timestamptz NOT NULL,
        warned_at timestamptz,
        released_at timestamptz,
        release_reason varchar(12) CHECK (release_reason IN ('released', 'expired', 'handed_off')),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // One live claim per target: a second claimant is refused by the database too.
    await q.query(
      `CREATE UNIQUE INDEX claims_live_target_idx ON claims (coalition_id, target_kind, target_key) WHERE released_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX claims_expiry_idx ON claims (expires_at) WHERE released_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE coordination_activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        task_id uuid REFERENCES tasks(id) ON DELETE CASCADE,
        claim_id uuid REFERENCES claims(id) ON DELETE CASCADE,
        working_group_id uuid REFERENCES working_groups(id) ON DELETE SET NULL,
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        actor_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        action varchar(40) NOT NULL,
        changes jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX coordination_activity_idx ON coordination_activity (coalition_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX coordination_activity_task_idx ON coordination_activity (task_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE notification_preferences (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(20) NOT NULL,
        enabled boolean NOT NULL,
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT IF EXISTS notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN kind TYPE varchar(20)`);
    // Every kind known when this runs, the bill tracker's included, so the order of features does
    // not matter.
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        ${[...OTHER_KINDS, ...TASK_KINDS].map((k) => `'${k}'`).join(', ')}))`);
    await q.query(
      `ALTER TABLE notifications ADD COLUMN task_id uuid REFERENCES tasks(id) ON DELETE CASCADE`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE task_id IS NOT NULL OR kind = ANY($1)`, [
      [...TASK_KINDS],
    ]);
    await q.query(`ALTER TABLE notifications DROP COLUMN task_id`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        ${OTHER_KINDS.map((k) => `'${k}'`).join(', ')}))`);
    await q.query(`DROP TABLE notification_preferences`);
    await q.query(`DROP TABLE coordination_activity`);
    await q.query(`DROP TABLE claims`);
    await q.query(`DROP TABLE task_followers`);
    await q.query(`DROP TABLE task_comments`);
    await q.query(`DROP TABLE task_relations`);
    await q.query(`DROP TABLE task_links`);
    await q.query(`DROP TABLE tasks`);
  }
}
