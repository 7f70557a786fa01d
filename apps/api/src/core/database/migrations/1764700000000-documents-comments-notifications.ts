import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents get who last changed them and a searchable text copy of their content (refreshed off
 * the collaboration path); comment threads anchored to text ranges, their comments, and in-app
 * notifications (mentions, replies).
 */
export class DocumentsCommentsNotifications1764700000000 implements MigrationInterface {
  name = 'DocumentsCommentsNotifications1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE documents
        ADD COLUMN updated_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        ADD COLUMN search_text text NOT NULL DEFAULT ''`);
    await q.query(`
      CREATE TABLE comment_threads (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        anchor_start text NOT NULL,
        anchor_end text NOT NULL,
        quote varchar(500) NOT NULL DEFAULT '',
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolved_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX comment_threads_document_idx ON comment_threads (document_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        thread_id uuid NOT NULL REFERENCES comment_threads(id) ON DELETE CASCADE,
        author_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        author_org_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
        body text NOT NULL,
        mentions jsonb NOT NULL DEFAULT '[]'::jsonb,
        -- clock_timestamp(): comments written in one transaction still keep their order.
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX comments_thread_idx ON comments (thread_id, created_at)`);
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('mention', 'reply')),
        actor_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        coalition_id uuid NOT NULL REFERENCES coalitions(id) ON DELETE CASCADE,
        document_id uuid REFERENCES documents(id) ON DELETE CASCADE,
        thread_id uuid REFERENCES comment_threads(id) ON DELETE CASCADE,
        excerpt varchar(200) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE comments`);
    await q.query(`DROP TABLE comment_threads`);
    await q.query(`ALTER TABLE documents DROP COLUMN search_text, DROP COLUMN updated_by_user_id`);
  }
}
