import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bill tracker alerts become in-app notifications: more kinds, and a notification may point at a
 * bill and a meeting instead of a document and a comment thread.
 */
export class BillNotifications1764900000000 implements MigrationInterface {
  name = 'BillNotifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN kind TYPE varchar(20)`);
    await q.query(`
      ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN (
        'mention', 'reply', 'bill-stage', 'bill-action', 'bill-position', 'bill-meeting',
        'bill-conflict', 'meeting-overlap'))`);
    await q.query(`
      ALTER TABLE notifications
        ADD COLUMN bill_id uuid REFERENCES bills(id) ON DELETE CASCADE,
        ADD COLUMN meeting_id uuid REFERENCES meetings(id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind NOT IN ('mention', 'reply')`);
    await q.query(`ALTER TABLE notifications DROP COLUMN meeting_id, DROP COLUMN bill_id`);
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check`);
    await q.query(`ALTER TABLE notifications ALTER COLUMN kind TYPE varchar(10)`);
    await q.query(
      `ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('mention', 'reply'))`,
    );
  }
}
